package io.streamstress.runner.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Reads the figures out of what the benchmark's contestants print. */
final class ToolOutput {

    /** ProducerPerformance's summary: {@code N records sent, R records/sec (…), … 50th, …}. */
    private static final Pattern PRODUCER_SUMMARY =
            Pattern.compile("^(\\d+) records sent, ([0-9.]+) records/sec .*50th.*$", Pattern.MULTILINE);
    /** produce-messages: {@code Acknowledged 1,000 messages in 0.1 s (9,803 msg/s)}. */
    private static final Pattern LOAD_PRODUCER =
            Pattern.compile("^Acknowledged ([0-9,]+) messages in ([0-9.]+) s \\(([0-9,]+) msg/s\\)$", Pattern.MULTILINE);
    private static final Pattern BARE_FLINK = Pattern.compile("^BARE records=(\\d+) jobMs=(\\d+)$", Pattern.MULTILINE);

    private ToolOutput() {}

    /** Records and records/s from ProducerPerformance's final summary line. */
    static Throughput producerPerformance(String out) {
        MatchResult m = last(PRODUCER_SUMMARY, out, "ProducerPerformance's summary line (N records sent, R records/sec …)");
        return new Throughput(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)));
    }

    /**
     * Records and records/s from ConsumerPerformance's CSV line: {@code nMsg.sec} (from its start, the group
     * join included, to its last record); {@code fetch.nMsg.sec} leaves the join out.
     */
    static Map<String, String> consumerPerformance(String out) {
        List<String> lines = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("start.time")) {
                List<String> names = split(lines.get(i));
                List<String> values = split(lines.get(i + 1));
                if (names.size() == values.size()) {
                    Map<String, String> row = new HashMap<>();
                    for (int c = 0; c < names.size(); c++) {
                        row.put(names.get(c), values.get(c));
                    }
                    return row;
                }
            }
        }
        throw new IllegalArgumentException("no ConsumerPerformance header and figures line (start.time, …) in its output");
    }

    static Throughput consumerThroughput(String out) {
        return consumerThroughput(consumerPerformance(out));
    }

    /** Records and {@code nMsg.sec} from ConsumerPerformance's figures. */
    static Throughput consumerThroughput(Map<String, String> row) {
        return new Throughput(Long.parseLong(row.get("data.consumed.in.nMsg")), Double.parseDouble(row.get("nMsg.sec")));
    }

    /** Records and records/s of our load producer (produce-messages). */
    static Throughput loadProducer(String out) {
        MatchResult m = last(LOAD_PRODUCER, out, "produce-messages' line (Acknowledged N messages in S s (R msg/s))");
        return new Throughput(Long.parseLong(m.group(1).replace(",", "")), Double.parseDouble(m.group(3).replace(",", "")));
    }

    /** Records and records/s of the bare Flink job, from its submission to its end. */
    static Throughput bareFlink(String out) {
        MatchResult m = last(BARE_FLINK, out, "the bare Flink job's line (BARE records=N jobMs=T)");
        long records = Long.parseLong(m.group(1));
        long ms = Long.parseLong(m.group(2));
        return new Throughput(records, ms > 0 ? records * 1000.0 / ms : 0);
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).toList();
    }

    private static MatchResult last(Pattern pattern, String out, String what) {
        return pattern.matcher(out).results().reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalArgumentException("no " + what + " in its output"));
    }

    /** A count and the rate its tool reported for it. */
    record Throughput(long records, double perSecond) {}
}
