package org.opengovinfo.service.testing;

import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of a subclass twice: against a service on a fresh H2 database and on a fresh PostgreSQL one.
 * Subclasses use {@link #service}; a {@code @BeforeParameterizedClassInvocation} of their own runs after it starts.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
public abstract class OnBothDatabases {

    @Parameter
    protected TestDatabase database;

    protected static ServiceUnderTest service;

    @BeforeParameterizedClassInvocation
    static void startService(TestDatabase database) {
        service = ServiceUnderTest.start(database);
    }

    @AfterParameterizedClassInvocation
    static void stopService() {
        service.close();
    }
}
