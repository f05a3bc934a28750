package io.proposalflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortsAreChosenBelowTheEphemeralRangeAndNeverTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.freePort();
            assertThat(port).as("outside the range outgoing connections take their ports from")
                    .isBetween(Ports.CHOSEN_FROM, Ports.CHOSEN_BELOW - 1);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
    }
}
