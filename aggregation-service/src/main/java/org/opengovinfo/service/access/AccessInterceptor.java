package org.opengovinfo.service.access;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Map;

/** Enforces {@link Access} on every controller method: authenticate, check the role, check the unit's subtree. */
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
        Permission permission = context.enumValue(Access.class, Permission.class)
                .orElseThrow(() -> new IllegalStateException("@Access without a permission on " + context));
        HttpRequest<Object> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("@Access outside an HTTP request: " + context));
        // the token and the unit's subtree are looked up in one transaction, not one each
        transactions.executeRead(status -> {
            Principal p = access.authenticate(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
            request.setAttribute(CurrentPrincipal.ATTRIBUTE, p);
            access.require(p, permission);
            Map<String, Object> parameters = context.getParameterValueMap();
            if (parameters.get("id") instanceof String unit) {
                access.requireWithin(p, unit, parameters.get("year") instanceof Integer y ? y : null);
            }
            return p;
        });
        return context.proceed();
    }
}
