package org.opengovinfo.service.access;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.ReportYears;

/**
 * Enforces {@link Access} on every controller method: authenticate, check the role, then check the unit the
 * annotation names in the year it names (or, without one, in the years it says).
 */
@Singleton
@InterceptorBean(Access.class)
class AccessInterceptor implements MethodInterceptor<Object, Object> {

    private final AccessControl access;
    private final TransactionOperations<Connection> transactions;

    AccessInterceptor(AccessControl access, TransactionOperations<Connection> transactions) {
        this.access = access;
        this.transactions = transactions;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        AnnotationValue<Access> declared = context.getAnnotation(Access.class);
        if (declared == null) {
            throw new IllegalStateException("@Access missing on " + context);
        }
        Permission permission = declared.enumValue("value", Permission.class)
                .orElseThrow(() -> new IllegalStateException("@Access without a permission on " + context));
        String unitParameter = declared.stringValue("unit").orElse("");
        String yearParameter = declared.stringValue("year").orElse("");
        Access.NoYear noYear = declared.enumValue("whenNoYear", Access.NoYear.class).orElse(Access.NoYear.REQUIRED);
        HttpRequest<Object> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("@Access outside an HTTP request: " + context));
        Map<String, Object> parameters = context.getParameterValueMap();
        if (unitParameter.isEmpty() && yearParameter.isEmpty()) {
            // a configured token on a route that names no unit needs no query (metrics while the database is down)
            Optional<Principal> configured = access.configured(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
            if (configured.isPresent()) {
                request.setAttribute(CurrentPrincipal.ATTRIBUTE, configured.get());
                access.require(configured.get(), permission);
                return context.proceed();
            }
        }
        // the token and the unit's subtree are looked up in one transaction, not one each
        transactions.executeRead(status -> {
            Principal p = access.authenticate(request);
            request.setAttribute(CurrentPrincipal.ATTRIBUTE, p);
            access.require(p, permission);
            Integer year = year(parameters, yearParameter);
            if (!unitParameter.isEmpty() && parameters.get(unitParameter) instanceof String unit) {
                if (year != null) {
                    access.requireWithin(p, unit, year);
                } else {
                    switch (noYear) {
                        case REQUIRED -> throw ErrorCode.REQUEST_YEAR_REQUIRED.problem();
                        case EVERY_YEAR -> access.requireWithinEveryYear(p, unit);
                        case PRESENT_YEAR -> access.requireWithinPresentYear(p, unit);
                        case CHECKED_BY_METHOD -> { }
                    }
                }
            }
            return p;
        });
        return context.proceed();
    }

    /** The year the request names, read strictly; {@code null} if it names none. */
    private static Integer year(Map<String, Object> parameters, String name) {
        if (name.isEmpty()) {
            return null;
        }
        Object value = parameters.get(name);
        if (value instanceof Integer y) {
            return ReportYears.check(y);
        }
        return value == null ? null : ReportYears.parse(value.toString());
    }
}
