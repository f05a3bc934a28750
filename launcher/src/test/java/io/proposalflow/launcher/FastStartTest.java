package io.proposalflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastStartTest {

    @TempDir
    Path dir;

    @Test
    void isOnUnlessSwitchedOff() {
        assertThat(FastStart.enabled(Map.of())).isTrue();
        assertThat(FastStart.enabled(Map.of(FastStart.SWITCH, "true"))).isTrue();
        assertThat(FastStart.enabled(Map.of(FastStart.SWITCH, "FALSE"))).isFalse();
    }

    @Test
    void aJarThatCannotBePreparedStartsAsItIs() throws IOException {
        Path jar = Files.writeString(dir.resolve("service-1.0.jar"), "not a jar");
        Path log = dir.resolve("logs").resolve("service-fast-start.log");

        List<String> arguments = FastStart.launchArguments(SystemConfig.currentJava(), List.of(), jar, Map.of(), log);

        assertThat(arguments).containsExactly("-jar", jar.toString());
        assertThat(log).exists();
        // nothing half-made is left to be taken for a prepared jar next time
        assertThat(dir.resolve("fast-start").resolve("stamp")).doesNotExist();
    }
}
