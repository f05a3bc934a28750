package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** docs/security.md keeps up with the APIs: no endpoint without a row, no row naming a test that is gone. */
class SecurityMatrixTest {

    @Test
    void everyEndpointOfTheThreeServicesHasARowInTheMatrix() {
        Set<String> rows = SecurityMatrix.rows();
        for (String service : List.of("proposal-service", "review-service", "notification-service")) {
            assertThat(rows).as("rows of docs/security.md for " + service)
                    .containsAll(SecurityMatrix.operations(service));
        }
    }

    @Test
    void everyTestTheMatrixNamesExists() {
        List<String[]> named = SecurityMatrix.namedTests();
        assertThat(named).hasSizeGreaterThan(20);
        assertThat(named).allSatisfy(test -> assertThat(SecurityMatrix.testExists(test[0], test[1]))
                .as(test[0] + "." + test[1]).isTrue());
    }
}
