package org.opengovinfo.service.access;

import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/** The principal of the request being served; {@code system} for work the service does on its own (the demo). */
@Singleton
public class CurrentPrincipal {

    static final String ATTRIBUTE = "org.opengovinfo.principal";
    public static final Principal SYSTEM = new Principal("system", Role.ADMINISTRATOR, null);

    public Principal get() {
        return ServerRequestContext.currentRequest()
                .flatMap(r -> r.getAttribute(ATTRIBUTE, Principal.class))
                .orElse(SYSTEM);
    }

    public String name() {
        return get().name();
    }
}
