package io.streamstress.chaos.proxy;

/**
 * A proxy's counters since it started, for reports.
 *
 * @param connectionsAccepted client connections accepted
 * @param openConnections connections open now (client or upstream side not yet closed)
 * @param bytesToUpstream bytes forwarded from clients to the upstream
 * @param bytesToClients bytes forwarded from the upstream to clients (dropped replies not counted)
 * @param connectionsReset connections the proxy reset with TCP RST (by resetAll or a lost reply)
 */
public record ProxyStats(long connectionsAccepted, int openConnections, long bytesToUpstream, long bytesToClients,
        long connectionsReset) {

    public ProxyStats {
        if (connectionsAccepted < 0 || openConnections < 0 || bytesToUpstream < 0 || bytesToClients < 0
                || connectionsReset < 0) {
            throw new IllegalArgumentException("proxy counters cannot be negative: " + connectionsAccepted + ", "
                    + openConnections + ", " + bytesToUpstream + ", " + bytesToClients + ", " + connectionsReset);
        }
    }

    /** One line for a report, e.g. {@code connections: 3 (1 open, 2 reset), 120 B up, 4096 B down}. */
    public String describe() {
        return "connections: " + connectionsAccepted + " (" + openConnections + " open, " + connectionsReset
                + " reset), " + bytesToUpstream + " B up, " + bytesToClients + " B down";
    }
}
