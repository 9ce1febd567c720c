package io.streamstress.kafka.client;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Kafka client properties every client of a run gets, on top of its own settings (the admin client, the load
 * producer, the job's source, the lag probe, the verifier): what a secured Kafka needs, {@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}, as Kafka's own tools read them from a {@code --command-config} file. A property the
 * harness sets for its own purposes (where to connect, how records are (de)serialized, the consumer group) is
 * refused: it has its own option, or is not the user's to change.
 *
 * @param properties the properties, in a copy; serializable, for the job's graph
 */
public record KafkaClientProperties(Map<String, String> properties) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No properties: a plaintext Kafka. */
    public static final KafkaClientProperties NONE = new KafkaClientProperties(Map.of());

    /** Properties the harness sets itself, with what to use instead. */
    static final Map<String, String> OWNED = Map.of(
            "bootstrap.servers", "give --bootstrap-servers instead",
            "group.id", "give --group-id instead",
            "key.serializer", "the harness writes its own records",
            "value.serializer", "the harness writes its own records",
            "key.deserializer", "the harness reads its own records",
            "value.deserializer", "the harness reads its own records",
            "enable.idempotence", "the load producer is idempotent: a retry must not write a record twice",
            "acks", "the load producer waits for all in-sync replicas (acks=all)",
            "isolation.level", "the source reads what the producer wrote, which is not transactional");

    /** Words in a key whose value is kept out of every message and {@link #toString()}. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "jaas", "secret", "key");

    public KafkaClientProperties {
        properties = Map.copyOf(new TreeMap<>(properties));
        for (String key : properties.keySet()) {
            String instead = OWNED.get(key);
            if (instead != null) {
                throw new IllegalArgumentException("sets " + key + ", which the harness sets itself: " + instead);
            }
        }
    }

    /**
     * Reads {@code file} as a Java properties file (UTF-8).
     *
     * @throws IllegalArgumentException when it cannot be read or sets a property the harness owns; the message
     *     names the file
     */
    public static KafkaClientProperties load(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " cannot be read as a properties file: " + e.getMessage(), e);
        }
        try {
            return new KafkaClientProperties(props.stringPropertyNames().stream()
                    .collect(Collectors.toMap(key -> key, props::getProperty)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " " + e.getMessage(), e);
        }
    }

    /** {@code props} with these properties added (they win over what it had); returns {@code props}. */
    public Properties applyTo(Properties props) {
        props.putAll(properties);
        return props;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return properties.isEmpty();
    }

    /** The keys, and the values of those that are not secrets ({@code sasl.jaas.config}, passwords, keys). */
    @Override
    public String toString() {
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + (secret(e.getKey()) ? "***" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static boolean secret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }
}
