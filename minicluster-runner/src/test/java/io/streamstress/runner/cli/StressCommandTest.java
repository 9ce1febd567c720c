package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.runner.infra.RunSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StressCommandTest {

    @ParameterizedTest(name = "{0} → exit 2 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "--messages 0                         | --messages",
        "--messages abc                       | --messages",
        "--messages -5                        | --messages",
        "--partitions 0                       | --partitions",
        "--record-size 10                     | --record-size",
        "--rate -1                            | --rate",
        "--no-such-option                     | --no-such-option",
        "--redis-uri http://localhost:6379    | --redis-uri",
        "--redis-uri redis://                 | --redis-uri",
        "--bootstrap-servers localhost        | --bootstrap-servers",
        "--chaos meteor                       | --chaos",
        "--delivery sometimes                 | --delivery",
        "--state-backend memory               | --state-backend",
        "--checkpoint-interval soon           | --checkpoint-interval",
        "--partitions 8 --task-managers 2     | --task-managers",
        "--chaos redis-stall@soon             | --chaos",
        "--chaos random:0                     | --chaos",
        "--stall 0s                           | --stall",
        "--expect-throughput 0                | --expect-throughput",
        "--expect-recovery soon               | --expect-recovery",
        "--resume /no/such/run                | --resume",
        "--chaos process-kill,process-kill    | --chaos",
        "--redis-uri redis://h:1 --chaos redis-stall | --redis-uri",
        "--bootstrap-servers h:1 --chaos broker-restart | --bootstrap-servers",
        "--traffic-pattern 0s-30s:5000,20s-40s:100 | --traffic-pattern",
        "--traffic-pattern 30s-10s:100        | --traffic-pattern",
        "--traffic-pattern 0s-10s:fast        | --traffic-pattern",
        "--traffic-pattern 0s-10s:300%        | --traffic-pattern",
        "--max-time 1m --traffic-pattern 2m-3m:100 | --traffic-pattern",
        "--metrics-port 70000                 | --metrics-port",
        "--delivery at-most-once --chaos process-kill | --delivery at-most-once",
        "--cluster nowhere                    | --cluster",
        "--cluster http://127.0.0.1           | --cluster",
        "--chaos taskmanager-kill             | --cluster local",
        "--chaos taskmanager-freeze           | --cluster local",
        "--cluster http://127.0.0.1:8081 --chaos taskmanager-stop | --chaos taskmanager-stop",
        "--cluster http://127.0.0.1:8081 --chaos taskmanager-kill | --cluster local",
        "--cluster http://127.0.0.1:8081 --chaos process-kill | --chaos process-kill",
        "--brokers 2                          | --brokers",
        "--brokers 3 --bootstrap-servers h:1  | --brokers",
        "--replication-factor 3               | --replication-factor",
        "--replication-factor -1              | --replication-factor",
        "--chaos broker-leader-kill           | add --brokers 3",
        "--brokers 3 --replication-factor 1 --chaos broker-leader-kill | 2 or 3 replicas",
        "--brokers 3 --chaos broker-restart   | drop --brokers 3",
        "--brokers 3 --chaos kafka-latency    | drop --brokers 3",
        "--brokers 3 --chaos process-kill     | drop --brokers 3",
        "--infra kubernetes                   | --infra",
        "--chaos container-kill               | add --infra docker",
        "--infra docker --redis-uri redis://h:1 | drop --bootstrap-servers and --redis-uri",
        "--infra docker --brokers 3           | drop --brokers 3",
        "--infra docker --chaos kafka-latency | network-delay:kafka",
        "--infra docker --chaos process-kill  | drop --infra docker",
        "--infra docker --chaos container-kill:taskmanager | add --cluster docker",
        "--cluster docker                     | add --infra docker",
        "--infra docker --cluster docker --chaos network-delay | network-delay:redis or network-delay:kafka",
        "--infra docker --cluster docker --chaos redis-reply-lost | past it: use network-partition:redis",
        "--infra docker --chaos task-exception:redis | does not take a server",
        "--infra docker --redis-image a;b     | --redis-image",
    })
    void badInputIsOneLineOnStderrAndExitCode2(String args, String option) {
        // When
        CommandResult result = CommandResult.run(args.trim().split("\\s+"));

        // Then
        assertThat(result.exitCode()).as("exit code for %s", args).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).as("stderr for %s", args).hasSize(1);
        assertThat(result.errLines().get(0)).as("the error line").startsWith("stress.jar: ").contains(option)
                .doesNotContain("Exception", "\tat ");
        assertThat(result.out()).as("stdout").isEmpty();
    }


    @Test
    void aRunWhoseServersRanInContainersIsNotResumed(@TempDir Path runDir) throws Exception {
        // Given the run directory of a run with --infra docker (its containers went with it)
        new RunSettings("20261202-000000-abcd", List.of("--infra", "docker", "--messages", "1000"), 0, "", 0, 0)
                .write(runDir);

        // When it is resumed
        CommandResult result = CommandResult.run("--resume", runDir.toString());

        // Then one line says why not, with the usage exit code
        assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).as("stderr").hasSize(1).first().asString()
                .contains("--infra docker cannot be resumed");
    }
    @Test
    void helpAndUsageErrorsWriteNothingToTheProcessStderr() {
        // Given picocli's own warnings go to the process's stderr, not to the command's error stream
        java.io.PrintStream processErr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        CommandResult help;
        CommandResult usageError;
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));

            // When
            help = CommandResult.run("--help");
            usageError = CommandResult.run("--chaos", "nope");
        } finally {
            System.setErr(processErr);
        }

        // Then nothing else was written (an unescaped % in an option's description made picocli warn)
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).as("process stderr").isEmpty();
        assertThat(usageError.exitCode()).as("exit code").isEqualTo(ExitCodes.USAGE);
        assertThat(help.out()).as("help").contains("KIND@40% (of the messages committed)")
                .contains("30s-60s:300%,60s-90s");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        CommandResult result = CommandResult.run("--help");

        assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCodes.PASS);
        String help = result.out().replaceAll("\\s+", " ");
        assertThat(help).as("help, whitespace folded")
                .contains("--messages=N", "default: 10000000")
                .contains("--partitions=N", "default: 20")
                .contains("--record-size=BYTES", "default: 100")
                .contains("--task-managers=N", "--slots-per-task-manager=N", "--checkpoint-interval", "default: 1s")
                .contains("--state-backend", "default: hashmap", "--delivery", "default: exactly-once")
                .contains("--chaos", "--chaos-seed", "--bootstrap-servers", "--redis-uri", "--max-time", "--run-dir", "--keep")
                .contains("--traffic-pattern", "--metrics-port=PORT", "default: 0")
                .contains("Exit codes:", "1 harness error: the run could not be verified", "3 the run was verified and a check failed");
    }
}
