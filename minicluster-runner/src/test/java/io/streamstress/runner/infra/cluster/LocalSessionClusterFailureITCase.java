package io.streamstress.runner.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSessionClusterFailureITCase {

    @TempDir
    Path tmp;

    @Test
    void aTaskManagerThatCannotStartFailsTheStartWithItsLogsFirstErrorAndLeavesNoProcess() throws Exception {
        // Given TaskManagers told to bind an address that cannot exist
        RunDirectory run = RunDirectory.create(Optional.of(tmp.resolve("run")));
        LocalClusterSettings settings = LocalClusterSettings.of(1, 1, false, run,
                Map.of("taskmanager.bind-host", "256.0.0.1")).withSpareTaskManagers(0);
        Path conf = ClusterDirectory.of(run).conf();

        // When / Then the start fails, quoting the TaskManager's log: its first error says why
        assertThatThrownBy(() -> LocalSessionCluster.start(settings, ClusterProgress.silent()))
                .as("start")
                .isInstanceOf(HarnessException.class)
                .hasMessageStartingWith("Flink TaskManager tm-0 exited")
                .hasMessageContaining("first error in " + ClusterDirectory.of(run).taskManagerLog(0))
                .hasMessageContaining("failed to bind to host:256.0.0.1");
        // And no process of this cluster is left (the JobManager was stopped too)
        Thread.sleep(Duration.ofMillis(500).toMillis());
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(List::of).map(a -> a.contains(conf.toString())).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
        assertThat(left).as("processes of the cluster still running").isEmpty();
    }
}
