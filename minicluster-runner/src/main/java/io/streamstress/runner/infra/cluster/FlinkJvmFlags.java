package io.streamstress.runner.infra.cluster;

import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A Flink process's memory flags, computed by Flink itself from the configuration, exactly as
 * {@code taskmanager.sh} and {@code jobmanager.sh} get them (through {@code BashJavaUtils}): the JVM options
 * ({@code -Xmx}, {@code -Xms}, {@code -XX:MaxDirectMemorySize}, {@code -XX:MaxMetaspaceSize}) and the dynamic
 * properties ({@code -D key=value}, every derived memory size) the process is started with. Hand-written
 * {@code -Xmx} would drift from what the process then checks its configuration against.
 *
 * @param jvmOptions the JVM options, one per element
 * @param dynamicProperties the entry point's arguments, {@code -D} and {@code key=value} alternating
 */
public record FlinkJvmFlags(List<String> jvmOptions, List<String> dynamicProperties) {

    public FlinkJvmFlags {
        jvmOptions = List.copyOf(jvmOptions);
        dynamicProperties = List.copyOf(dynamicProperties);
    }

    /**
     * A TaskManager's, as {@code BashJavaUtils GET_TM_RESOURCE_PARAMS} computes them:
     * {@code TaskExecutorProcessUtils.processSpecFromConfig}, {@code ProcessMemoryUtils.generateJvmParametersStr}
     * and {@code TaskExecutorProcessUtils.generateDynamicConfigsStr}.
     *
     * @throws org.apache.flink.configuration.IllegalConfigurationException when the sizes do not add up
     */
    public static FlinkJvmFlags taskManager(Configuration config) {
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(config);
        return new FlinkJvmFlags(words(ProcessMemoryUtils.generateJvmParametersStr(spec)),
                words(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
    }

    /**
     * The JobManager's, as {@code BashJavaUtils GET_JM_RESOURCE_PARAMS} computes them:
     * {@code JobManagerProcessUtils.processSpecFromConfig}, {@code generateJvmParametersStr} and
     * {@code generateDynamicConfigsStr}.
     */
    public static FlinkJvmFlags jobManager(Configuration config) {
        JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(config);
        return new FlinkJvmFlags(words(JobManagerProcessUtils.generateJvmParametersStr(spec, config)),
                words(JobManagerProcessUtils.generateDynamicConfigsStr(spec)));
    }

    /** The {@code -Xmx} option among the JVM options. */
    public String maxHeapOption() {
        return jvmOptions.stream().filter(o -> o.startsWith("-Xmx")).findFirst()
                .orElseThrow(() -> new IllegalStateException("Flink computed no -Xmx: " + jvmOptions));
    }

    /** Flink's scripts pass both strings unquoted: words split at spaces (sizes are in bytes, no spaces). */
    private static List<String> words(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
