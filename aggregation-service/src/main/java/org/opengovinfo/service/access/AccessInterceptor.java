package org.opengovinfo.service.access;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.util.Map;

/** Enforces {@link Access} on every controller method: authenticate, check the role, check the unit's subtree. */
@Singleton
@InterceptorBean(Access.class)
class AccessInterceptor implements MethodInterceptor<Object, Object> {

    private final AccessControl access;

    AccessInterceptor(AccessControl access) {
        this.access = access;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Permission permission = context.enumValue(Access.class, Permission.class)
                .orElseThrow(() -> new IllegalStateException("@Access without a permission on " + context));
        HttpRequest<Object> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("@Access outside an HTTP request: " + context));
        Principal principal = access.authenticate(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        request.setAttribute(CurrentPrincipal.ATTRIBUTE, principal);
        access.require(principal, permission);
        Map<String, Object> parameters = context.getParameterValueMap();
        if (parameters.get("id") instanceof String unit) {
            access.requireWithin(principal, unit, parameters.get("year") instanceof Integer y ? y : null);
        }
        return context.proceed();
    }
}
