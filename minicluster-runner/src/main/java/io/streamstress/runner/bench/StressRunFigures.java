package io.streamstress.runner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a streamstress run measured about itself, read from its {@code stress-report.json}.
 *
 * @param verdict PASS or FAIL
 * @param committed messages committed to Redis (verified)
 * @param jobMs job submitted → finished with everything committed
 * @param pipelineMs first send → everything committed
 */
record StressRunFigures(String verdict, long committed, long jobMs, long pipelineMs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static StressRunFigures read(Path reportDir) throws IOException {
        Path file = reportDir.resolve("stress-report.json");
        if (!Files.isRegularFile(file)) {
            throw new IOException("streamstress wrote no " + file);
        }
        JsonNode report = JSON.readTree(file.toFile());
        return new StressRunFigures(report.path("verdict").asText("?"), report.at("/verification/committed").asLong(),
                report.at("/timing/jobMs").asLong(), report.at("/timing/pipelineMs").asLong());
    }

    double jobRecordsPerSecond() {
        return jobMs > 0 ? committed * 1000.0 / jobMs : 0;
    }

    double pipelineRecordsPerSecond() {
        return pipelineMs > 0 ? committed * 1000.0 / pipelineMs : 0;
    }
}
