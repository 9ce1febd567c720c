package io.streamstress.runner.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** The contestants' figures are read from what they print (lines recorded from real runs). */
class ToolOutputTest {

    @Test
    void producerPerformanceIsReadFromItsSummaryNotFromAProgressLine() {
        // Given a progress line and the final summary, as ProducerPerformance 4.2 prints them
        String out = "2772817 records sent, 554563.4 records/sec (52.89 MB/sec), 31.2 ms avg latency, 400.0 ms max latency.\n"
                + "200000 records sent, 91659.028414 records/sec (8.74 MB/sec), 386.74 ms avg latency, 788.00 ms max "
                + "latency, 370 ms 50th, 668 ms 95th, 780 ms 99th, 788 ms 99.9th.\n";

        // When / Then
        ToolOutput.Throughput t = ToolOutput.producerPerformance(out);
        assertThat(t.records()).as("records").isEqualTo(200_000);
        assertThat(t.perSecond()).as("records/s").isEqualTo(91659.028414);
    }

    @Test
    void consumerPerformanceIsReadByColumnName() {
        String out = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
                + "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n"
                + "2026-11-22 19:52:56:308, 2026-11-22 19:52:57:587, 19.0735, 14.9128, 200000, 156372.1658, 667, 612, "
                + "31.1658, 326797.3856\n";

        ToolOutput.Throughput t = ToolOutput.consumerThroughput(out);

        assertThat(t.records()).as("records").isEqualTo(200_000);
        assertThat(t.perSecond()).as("nMsg.sec, join included").isEqualTo(156372.1658);
        assertThat(ToolOutput.consumerPerformance(out)).as("fetch rate, join left out")
                .containsEntry("fetch.nMsg.sec", "326797.3856");
    }

    @Test
    void ourLoadProducerAndTheBareJobAreReadFromTheirLines() {
        ToolOutput.Throughput load = ToolOutput.loadProducer(
                "Producing 200,000 messages of 100 bytes into bench-load-r1 …\nAcknowledged 200,000 messages in 1.8 s (109,515 msg/s)\n");
        ToolOutput.Throughput bare = ToolOutput.bareFlink("BARE records=200000 jobMs=3816\n");

        assertThat(load.records()).as("acknowledged").isEqualTo(200_000);
        assertThat(load.perSecond()).as("producer rate").isEqualTo(109_515);
        assertThat(bare.records()).as("records through the bare job").isEqualTo(200_000);
        assertThat(bare.perSecond()).as("records / job time").isCloseTo(200_000 / 3.816, offset(0.01));
    }

    @Test
    void aMissingFigureIsAnErrorThatNamesWhatWasExpected() {
        assertThatThrownBy(() -> ToolOutput.producerPerformance("org.apache.kafka.common.errors.TimeoutException"))
                .as("no summary line").hasMessageContaining("ProducerPerformance's summary line");
        assertThatThrownBy(() -> ToolOutput.consumerThroughput("WARNING: Exiting before consuming the expected number"))
                .as("no CSV line").hasMessageContaining("ConsumerPerformance header");
    }
}
