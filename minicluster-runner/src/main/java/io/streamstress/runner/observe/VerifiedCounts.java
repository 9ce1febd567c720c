package io.streamstress.runner.observe;

/** The verification's figures once known, for Prometheus; zero before the run is verified. Thread-safe. */
public final class VerifiedCounts {

    private volatile long verified;
    private volatile long lost;
    private volatile long duplicated;

    public void set(long verifiedMessages, long lostMessages, long duplicatedMessages) {
        this.verified = verifiedMessages;
        this.lost = lostMessages;
        this.duplicated = duplicatedMessages;
    }

    long verified() {
        return verified;
    }

    long lost() {
        return lost;
    }

    long duplicated() {
        return duplicated;
    }
}
