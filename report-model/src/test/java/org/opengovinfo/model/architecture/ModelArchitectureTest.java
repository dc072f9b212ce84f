package org.opengovinfo.model.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model stays plain Java: no framework, SQL or HTTP, and no cycles between its feature packages. */
class ModelArchitectureTest {

    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opengovinfo.model");

    @Test
    void theModelImportsNoFrameworkSqlOrHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "javax..", "org.springframework..", "io.netty..",
                        "java.sql..", "javax.sql..", "org.h2..", "org.postgresql..", "org.flywaydb..",
                        "java.net..", "java.net.http..", "com.sun.net.httpserver..", "org.slf4j..", "ch.qos.logback..")
                .because("report-model is the framework-free heart; the service and the client adapt to it")
                .check(MODEL);
    }

    @Test
    void jacksonIsOnlyUsedToReadTemplateFiles() {
        noClasses().that().doNotHaveFullyQualifiedName("org.opengovinfo.model.template.TemplateReader")
                .and().doNotHaveFullyQualifiedName("org.opengovinfo.model.indicator.IndicatorReader")
                .and().doNotHaveFullyQualifiedName("org.opengovinfo.model.template.StrictJson")
                .and().doNotHaveFullyQualifiedName("org.opengovinfo.model.text.TextPatternReader")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(MODEL);
    }

    @Test
    void featurePackagesDoNotDependOnEachOtherInCycles() {
        slices().matching("org.opengovinfo.model.(*)..").should().beFreeOfCycles().check(MODEL);
    }

    @Test
    void theImportSawTheModel() {
        if (MODEL.size() < 20) {
            throw new AssertionError("expected the model's classes on the class path, found " + MODEL.size());
        }
    }
}
