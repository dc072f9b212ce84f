package org.opengovinfo.service.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's shape, as the README describes it: features depend on each other one way (no cycle), only storage
 * classes touch JDBC, and controllers stay thin — they never reach a repository.
 */
class ServiceArchitectureTest {

    private static JavaClasses service;

    @BeforeAll
    static void importClasses() {
        service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.opengovinfo.service");
    }

    @Test
    void featurePackagesDependOnEachOtherWithoutACycle() {
        slices().matching("org.opengovinfo.service.(*)..").should().beFreeOfCycles().check(service);
    }

    @Test
    void onlyStorageClassesTouchJdbc() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository").and().haveSimpleNameNotEndingWith("Store")
                .and().doNotHaveSimpleName("AuditLog").and().doNotHaveSimpleName("YearRevisions")
                .and().haveNameNotMatching(".*\\$.*\\$Definition.*")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java.sql..", "io.micronaut.data.jdbc..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(Connection.class)))
                        .and(DescribedPredicate.not(JavaClass.Predicates.assignableTo(SQLException.class))))
                .because("SQL lives in the storage classes: repositories, the token store, the audit log and the revisions "
                        + "(a transaction over a Connection may be opened anywhere, and a database error inspected)")
                .check(service);
    }

    @Test
    void controllersNeverReachARepository() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .check(service);
    }
}
