package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.kafka.broker.BrokerSettings;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.kafka.broker.PortPicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka as production runs it, reached by {@code --bootstrap-servers} and {@code --kafka-config}: a broker whose
 * client listener is SASL_SSL only (SCRAM-SHA-256, a self-signed certificate made here with {@code keytool}, for
 * 127.0.0.1), which every client of the run and the job's source must authenticate to over TLS.
 */
class KafkaSaslSslITCase {

    private static final String USER = "streamstress";
    private static final String PASSWORD = "s3cret-scram";
    private static final String STORE_PASSWORD = "store-pw";

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static String secureServers;

    @BeforeAll
    static void secureBroker() throws Exception {
        // The broker's key and certificate, and a trust store holding that certificate
        Path keyStore = dir.resolve("broker.p12");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", dir.resolve("broker.crt").toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", dir.resolve("broker.crt").toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);

        // A broker with its plaintext listener (for the controller and this test's admin) and a SASL_SSL one
        PortPicker ports = PortPicker.free();
        int plain = ports.pick("127.0.0.1");
        int controller = ports.pick("127.0.0.1");
        int secure = ports.pick("127.0.0.1");
        String host = "127.0.0.1";
        broker = new EmbeddedKafkaBroker(new BrokerSettings(dir.resolve("kafka"), host, plain, controller, Map.ofEntries(
                Map.entry("listeners", "PLAINTEXT://" + host + ":" + plain + ",CONTROLLER://" + host + ":" + controller
                        + ",SECURE://" + host + ":" + secure),
                Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + plain + ",SECURE://" + host + ":" + secure),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SECURE:SASL_SSL"),
                Map.entry("sasl.enabled.mechanisms", "SCRAM-SHA-256"),
                Map.entry("listener.name.secure.scram-sha-256.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("listener.name.secure.ssl.keystore.location", keyStore.toString()),
                Map.entry("listener.name.secure.ssl.keystore.type", "PKCS12"),
                Map.entry("listener.name.secure.ssl.keystore.password", STORE_PASSWORD),
                Map.entry("listener.name.secure.ssl.key.password", STORE_PASSWORD)),
                ports, 1));
        broker.start();
        secureServers = host + ":" + secure;

        // The SCRAM user the run authenticates as
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), PASSWORD))).all().get(30, TimeUnit.SECONDS);
        }

        Files.writeString(dir.resolve("client.properties"), clientConfig(PASSWORD, trustStore));
        Files.writeString(dir.resolve("wrong.properties"), clientConfig("wrong", trustStore));
    }

    private static String clientConfig(String password, Path trustStore) {
        return String.join("\n",
                "security.protocol=SASL_SSL",
                "sasl.mechanism=SCRAM-SHA-256",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER
                        + "\" password=\"" + password + "\";",
                "ssl.truststore.location=" + trustStore,
                "ssl.truststore.type=PKCS12",
                "ssl.truststore.password=" + STORE_PASSWORD, "");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("keytool %s: %s", args[0], output).isZero();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aRunCountsExactlyOnceThroughSaslSsl() {
        // Given the broker's SASL_SSL listener and the client configuration for it
        // When a run with a task failure produces, reads and verifies there
        CommandResult result = CommandResult.run("--bootstrap-servers", secureServers, "--kafka-config",
                dir.resolve("client.properties").toString(), "--messages", "200000", "--rate", "40000", "--partitions", "4",
                "--task-managers", "2", "--slots-per-task-manager", "2", "--chaos", "task-exception",
                "--max-time", "3m", "--report-dir", dir.resolve("report").toString());

        // Then the count is exact: the admin, the producer, the job's source and the verifier all got in
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("verdict")
                .startsWith("VERDICT PASS produced=200000 committed=200000 lost=0 duplicated=0 seconds=");
        assertThat(result.out()).as("the consumer group's lag read through SASL_SSL too").containsPattern("lag \\d");
        assertThat(result.out() + result.err()).as("the password never shows").doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPasswordIsOneLineAndExitCode1() {
        // Given the client configuration with a wrong password
        // When
        CommandResult result = CommandResult.run("--bootstrap-servers", secureServers, "--kafka-config",
                dir.resolve("wrong.properties").toString(), "--messages", "1000", "--partitions", "1",
                "--task-managers", "1", "--connect-timeout", "10s", "--report-dir", dir.resolve("report").toString());

        // Then the run does not start, and says why in one line
        assertThat(result.exitCode()).as("exit code; stdout:%n%s", result.out()).isEqualTo(ExitCodes.HARNESS_ERROR);
        assertThat(result.errLines()).as("stderr").hasSize(1).first().asString().containsIgnoringCase("authentication");
    }

    @Test
    void aConfigurationThatSetsTheServersItselfIsAUsageError() throws Exception {
        // Given a client configuration that names the bootstrap servers, which --bootstrap-servers gives
        Path config = dir.resolve("servers.properties");
        Files.writeString(config, "bootstrap.servers=elsewhere:9092\nsecurity.protocol=SASL_SSL\n");

        // When
        CommandResult result = CommandResult.run("--bootstrap-servers", secureServers, "--kafka-config", config.toString(),
                "--messages", "1000");

        // Then it is refused in one line, with what to do instead
        assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).as("stderr").hasSize(1).first().asString()
                .contains("--kafka-config").contains("bootstrap.servers").contains("give --bootstrap-servers instead");
    }
}
