package io.streamstress.runner.infra.cluster;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * The memory of the local cluster's JVMs, every component set explicitly and small: a TaskManager refuses to
 * start unless task heap, task off-heap, managed memory and network (min = max) are set, and on 2 cores a
 * handful of them must fit beside Kafka, Redis and the harness. The job is all chained (no shuffle), so network
 * memory is a few buffers, as in the embedded cluster ({@link MiniClusterHost}). A TaskManager comes to
 * 64 + 32 + 32 + 0 + 4 + 8 (managed) + 128 + 32 = 300 MB of process memory (356 MB with RocksDB), of which
 * Flink makes a 96 MB heap ({@code -Xmx}, framework + task heap). The JVM flags themselves are Flink's to
 * compute ({@link FlinkJvmFlags}).
 */
public final class ClusterMemory {

    public static final MemorySize TASK_HEAP = MemorySize.parse("64m");
    public static final MemorySize FRAMEWORK_HEAP = MemorySize.parse("32m");
    public static final MemorySize FRAMEWORK_OFF_HEAP = MemorySize.parse("32m");
    public static final MemorySize TASK_OFF_HEAP = MemorySize.ZERO;
    public static final MemorySize NETWORK = MiniClusterHost.NETWORK_MEMORY;
    public static final MemorySize MANAGED_HEAP_STATE = MiniClusterHost.MANAGED_MEMORY_HEAP_STATE;
    public static final MemorySize MANAGED_ROCKSDB = MiniClusterHost.MANAGED_MEMORY_ROCKSDB;
    /** Flink, Kafka's clients, Lettuce and Netty's classes: 128 MB, as Flink's 256 MB default is for any job. */
    public static final MemorySize TASK_MANAGER_METASPACE = MemorySize.parse("128m");
    public static final MemorySize TASK_MANAGER_OVERHEAD = MemorySize.parse("32m");

    /** The JobManager holds one job's execution graph and checkpoint statistics: a small heap will do. */
    public static final MemorySize JOB_MANAGER_HEAP = MemorySize.parse("128m");
    /** Direct memory of the JobManager's RPC and REST (Netty), Flink's default being 128 MB. */
    public static final MemorySize JOB_MANAGER_OFF_HEAP = MemorySize.parse("64m");
    /** The JobManager loads the source's enumerator (Kafka's admin client) besides Flink's runtime. */
    public static final MemorySize JOB_MANAGER_METASPACE = MemorySize.parse("192m");
    public static final MemorySize JOB_MANAGER_OVERHEAD = MemorySize.parse("32m");

    private ClusterMemory() {}

    /** Sets every memory component of the TaskManagers and the JobManager in {@code config}. */
    public static void configure(Configuration config, boolean rocksDb) {
        config.set(TaskManagerOptions.TASK_HEAP_MEMORY, TASK_HEAP);
        config.set(TaskManagerOptions.FRAMEWORK_HEAP_MEMORY, FRAMEWORK_HEAP);
        config.set(TaskManagerOptions.FRAMEWORK_OFF_HEAP_MEMORY, FRAMEWORK_OFF_HEAP);
        config.set(TaskManagerOptions.TASK_OFF_HEAP_MEMORY, TASK_OFF_HEAP);
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, NETWORK);
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, NETWORK);
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, rocksDb ? MANAGED_ROCKSDB : MANAGED_HEAP_STATE);
        config.set(TaskManagerOptions.JVM_METASPACE, TASK_MANAGER_METASPACE);
        config.set(TaskManagerOptions.JVM_OVERHEAD_MIN, TASK_MANAGER_OVERHEAD);
        config.set(TaskManagerOptions.JVM_OVERHEAD_MAX, TASK_MANAGER_OVERHEAD);

        config.set(JobManagerOptions.JVM_HEAP_MEMORY, JOB_MANAGER_HEAP);
        config.set(JobManagerOptions.OFF_HEAP_MEMORY, JOB_MANAGER_OFF_HEAP);
        config.set(JobManagerOptions.JVM_METASPACE, JOB_MANAGER_METASPACE);
        config.set(JobManagerOptions.JVM_OVERHEAD_MIN, JOB_MANAGER_OVERHEAD);
        config.set(JobManagerOptions.JVM_OVERHEAD_MAX, JOB_MANAGER_OVERHEAD);
    }
}
