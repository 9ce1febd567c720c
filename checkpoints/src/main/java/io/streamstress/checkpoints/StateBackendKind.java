package io.streamstress.checkpoints;

import java.util.Locale;

/** The state backends a run can use, by their Flink configuration names. */
public enum StateBackendKind {
    /** Heap state, snapshotted in full: the fastest for the small state of this job. */
    HASHMAP("hashmap"),
    /** RocksDB state (managed memory), incremental checkpoints possible. */
    ROCKSDB("rocksdb");

    private final String flinkName;

    StateBackendKind(String flinkName) {
        this.flinkName = flinkName;
    }

    /** The value of Flink's {@code state.backend.type}. */
    public String flinkName() {
        return flinkName;
    }

    /** Parses {@code hashmap} or {@code rocksdb}, case-insensitively. */
    public static StateBackendKind parse(String text) {
        for (StateBackendKind kind : values()) {
            if (kind.flinkName.equals(text.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown state backend '" + text + "': use hashmap or rocksdb");
    }

    @Override
    public String toString() {
        return flinkName;
    }
}
