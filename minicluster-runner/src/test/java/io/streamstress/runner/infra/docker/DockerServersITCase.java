package io.streamstress.runner.infra.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamstress.runner.config.InfraSettings;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The run's containers when one of them cannot start. */
@Testcontainers(disabledWithoutDocker = true)
class DockerServersITCase {

    /** An image with nothing in it: no shell, so a container of it cannot run the broker. */
    private static final String EMPTY_IMAGE = "streamstress/empty:test";

    @BeforeAll
    static void images() throws Exception {
        TestingDocker.assumeImage();
        // docker import through the CLI: docker-java's import (createImageCmd) sends a body the engine reads as a cut-off tar
        Process importing = new ProcessBuilder("docker", "import", "-", EMPTY_IMAGE).redirectErrorStream(true).start();
        try (OutputStream in = importing.getOutputStream()) {
            in.write(oneEmptyFileTar());
        }
        String said = new String(importing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(importing.waitFor()).as("docker import: %s", said).isZero();
    }

    /** A tar archive of one empty file, {@code README}: a ustar header block, then zero blocks to the end of the
     * 10,240-byte record. */
    private static byte[] oneEmptyFileTar() {
        byte[] tar = new byte[10240];
        put(tar, 0, "README");
        put(tar, 100, "0000644");
        put(tar, 108, "0000000");
        put(tar, 116, "0000000");
        put(tar, 124, "00000000000");
        put(tar, 136, "00000000000");
        Arrays.fill(tar, 148, 156, (byte) ' ');
        tar[156] = '0';
        put(tar, 257, "ustar");
        put(tar, 263, "00");
        int sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += tar[i] & 0xff;
        }
        put(tar, 148, String.format("%06o", sum));
        tar[154] = 0;
        return tar;
    }

    private static void put(byte[] block, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, block, at, bytes.length);
    }

    @Test
    void aServerWhoseContainerDoesNotStartLeavesNoContainerAndSaysWhy() throws Exception {
        // Given Redis on the test image and the broker on an image without a shell
        InfraSettings settings = InfraSettings.docker(TestingDocker.IMAGE, EMPTY_IMAGE);

        Console console = new Console(new PrintStream(OutputStream.nullOutputStream()));
        try (DockerRun run = DockerRun.open(settings, "test-failed-start", console)) {
            // When the run's servers start
            assertThatThrownBy(() -> DockerServers.start(run, settings.redisImage(), settings.jreImage(), console))
                    // Then it says which container did not start
                    .as("the start").isInstanceOf(HarnessException.class)
                    .hasMessageContaining("Kafka container did not start");
            // And neither the broker's container nor the Redis one that did start is left behind, while the run
            // still holds its network
            assertThat(TestingDocker.leftOverContainers()).as("containers left").isEmpty();
        }
    }
}
