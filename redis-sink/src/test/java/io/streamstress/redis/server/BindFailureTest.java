package io.streamstress.redis.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BindFailureTest {

    @Test
    void redisSayingItsAddressIsInUseIsATakenPort() {
        // Given the lines Redis 6.2 (the bundled one) and Redis 7 write when their port is taken
        String redis6 = String.join("\n",
                "12784:C 02 Dec 2026 04:51:56.919 # Configuration loaded",
                "12784:M 02 Dec 2026 04:51:56.920 # Warning: Could not create server TCP listening socket "
                        + "127.0.0.1:54533: bind: Address already in use",
                "12784:M 02 Dec 2026 04:51:56.920 # Failed listening on port 54533 (TCP), aborting.");
        String redis7 = "1:M 02 Dec 2026 04:51:56.920 # Warning: Could not create server TCP listening socket "
                + "::1:6380: bind: Address already in use\n1:M 02 Dec 2026 # Failed listening on port 6380 (tcp), aborting.";

        // Then the rule finds the taken port in both
        assertThat(BindFailure.takenPort(redis6)).as("Redis 6.2").hasValue(54533);
        assertThat(BindFailure.takenPort(redis7)).as("Redis 7, IPv6 loopback").hasValue(6380);
    }

    @Test
    void otherStartFailuresAndAGoodStartAreNotATakenPort() {
        // Given the log of a good start and of failures that a fresh port would not cure
        String good = "1:M 02 Dec 2026 # Server initialized\n1:M 02 Dec 2026 * Ready to accept connections";
        String foreignAddress = "1:M # Warning: Could not create server TCP listening socket 10.9.9.9:6379: "
                + "bind: Cannot assign requested address";
        String badConfig = "*** FATAL CONFIG FILE ERROR (Redis 6.2.11) ***\n>>> 'appendfsync sometimes'\n"
                + "argument must be one of the following: always, everysec, no";
        String aofError = "1:M # Bad file format reading the append only file: make a backup of your AOF file";

        // Then none of them is a taken port
        assertThat(BindFailure.takenPort(good)).as("good start").isEmpty();
        assertThat(BindFailure.takenPort(foreignAddress)).as("address not on this host").isEmpty();
        assertThat(BindFailure.takenPort(badConfig)).as("bad config").isEmpty();
        assertThat(BindFailure.takenPort(aofError)).as("damaged AOF").isEmpty();
        assertThat(BindFailure.takenPort("")).as("nothing logged yet").isEmpty();
    }
}
