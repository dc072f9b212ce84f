package org.opengovinfo.service.access;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint needs and what it acts on. Every controller method carries one (a test walks all
 * routes to make sure, and that every unit or year variable of a route is named here): the request's bearer token
 * must grant the permission, and the unit named by the parameter {@link #unit} must lie in the token's subtree in
 * the year named by the parameter {@link #year} — or, when the request gives no year, in the years
 * {@link #whenNoYear} says. Methods whose unit comes from the body or a stored snapshot name no unit here and check
 * it themselves with {@link AccessControl}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface Access {

    Permission value();

    /** The name of the parameter that holds the id of the unit the request acts on; empty if it names none. */
    String unit() default "";

    /** The name of the parameter that holds the report year the request acts on; empty if it names none. */
    String year() default "";

    /** Which years the unit is checked in when the request names no year. */
    NoYear whenNoYear() default NoYear.REQUIRED;

    /** What a request without a year acts on. */
    enum NoYear {
        /** Nothing: a year must be given ({@code request.year_required}). */
        REQUIRED,
        /** The unit in every year it is in force, past and future: its whole record or history. */
        EVERY_YEAR,
        /** The unit as it stands in the present report year (or the nearest year it is in force). */
        PRESENT_YEAR,
        /** The years the request changes, which only the method can tell; it checks them itself. */
        CHECKED_BY_METHOD
    }
}
