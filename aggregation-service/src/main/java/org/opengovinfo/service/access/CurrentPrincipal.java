package org.opengovinfo.service.access;

import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/** The principal of the request being served; {@code system} for work the service does on its own (the demo). */
@Singleton
public class CurrentPrincipal {

    static final String ATTRIBUTE = "org.opengovinfo.principal";
    static final String CSRF_ATTRIBUTE = "org.opengovinfo.csrf";
    public static final Principal SYSTEM = new Principal("system", Role.ADMINISTRATOR, null);

    public Principal get() {
        return ServerRequestContext.currentRequest()
                .flatMap(r -> r.getAttribute(ATTRIBUTE, Principal.class))
                .orElse(SYSTEM);
    }

    /** The CSRF token of the web app's session the request came with; empty for a bearer token. */
    public java.util.Optional<String> csrf() {
        return ServerRequestContext.currentRequest().flatMap(r -> r.getAttribute(CSRF_ATTRIBUTE, String.class));
    }

    public String name() {
        return get().name();
    }
}
