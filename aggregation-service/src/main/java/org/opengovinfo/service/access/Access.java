package org.opengovinfo.service.access;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint needs. Every controller method carries one (a test walks all routes to make sure);
 * the request's bearer token must grant it, and when the method has a parameter named {@code id} (a unit) the
 * unit must lie in the token's subtree — in the year given by a parameter named {@code year}, if there is one.
 * Methods whose unit comes from the body or a stored snapshot check it themselves with
 * {@link AccessControl#requireWithin}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface Access {
    Permission value();
}
