package io.streamstress.runner.infra.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ConfigurationUtils;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * Writes {@code config.yaml}, the file Flink 2.x's entry points read from {@code --configDir}, in Flink's own
 * flat YAML form ({@code key: value}, one per line, sorted; values quoted by Flink's YAML writer), so that Flink reads back exactly the
 * configuration it was given.
 */
public final class ConfigFile {

    /** The file's name, as Flink 2.x looks for it. */
    public static final String NAME = GlobalConfiguration.FLINK_CONF_FILENAME;

    private static final String HEADER = "# Written by streamstress for its local Flink session cluster.";

    private ConfigFile() {}

    /** Writes {@code config} into {@code confDir/config.yaml} (replacing it whole) and returns the file. */
    public static Path write(Configuration config, Path confDir) throws IOException {
        Path file = confDir.resolve(NAME);
        Path partial = confDir.resolve(NAME + ".partial");
        List<String> lines = new ArrayList<>(List.of(HEADER));
        // Flat lines stand alone: sorted, a reader finds a key where expected.
        ConfigurationUtils.convertConfigToWritableLines(config, true).stream().sorted().forEach(lines::add);
        Files.write(partial, lines, StandardCharsets.UTF_8);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads {@code confDir/config.yaml} as the entry points do. */
    public static Configuration read(Path confDir) {
        return GlobalConfiguration.loadConfiguration(confDir.toString());
    }
}
