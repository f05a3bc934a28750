package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/** The shared rules accept a well-shaped service and name each way a badly shaped one breaks them. */
class ArchitectureRulesTest {

    private static final String GOOD = "io.proposalflow.testsupport.shape.good";
    private static final String BAD = "io.proposalflow.testsupport.shape.bad";

    @Test
    void aWellShapedServicePasses() {
        JavaClasses classes = new ClassFileImporter().importPackages(GOOD);

        assertThatCode(() -> ArchitectureRules.rules(GOOD).check(classes)).doesNotThrowAnyException();
    }

    @Test
    void aBadlyShapedServiceFailsWithEveryViolationNamed() {
        JavaClasses classes = new ClassFileImporter().importPackages(BAD);

        EvaluationResult result = ArchitectureRules.rules(BAD).evaluate(classes);

        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(result.hasViolation()).isTrue();
        assertThat(report)
                .as("a seventh package").contains("shape.bad.util.Helper")
                .as("HTTP in the domain").contains("org.springframework.http.HttpStatus")
                .as("the wall clock read in the domain").contains("Instant.now()")
                .as("persistence calling the use cases").contains("CaseStore.owner()")
                .as("the cycle between application and persistence").contains("Cycle detected");
    }
}
