package io.streamstress.runner.infra;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;

/** A commit request as Flink's committer operator hands it over, recording what the committer signalled. */
final class TestingCommitRequest<T> implements Committer.CommitRequest<T> {

    private final T committable;
    final List<String> signals = new ArrayList<>();

    TestingCommitRequest(T committable) {
        this.committable = committable;
    }

    @Override
    public T getCommittable() {
        return committable;
    }

    @Override
    public int getNumberOfRetries() {
        return 0;
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
        signals.add("failed (known): " + t);
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable t) {
        signals.add("failed (unknown): " + t);
    }

    @Override
    public void retryLater() {
        signals.add("retry later");
    }

    @Override
    public void updateAndRetryLater(T updated) {
        signals.add("update and retry later");
    }

    @Override
    public void signalAlreadyCommitted() {
        signals.add("already committed");
    }
}
