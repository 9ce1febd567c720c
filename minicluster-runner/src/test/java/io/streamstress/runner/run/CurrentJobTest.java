package io.streamstress.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.target.TaskManagerControl;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentJobTest {

    @Test
    void everyTaskManagerFaultGoesToTheClusterOfTheRunningJob() throws Exception {
        // Given a current job on a cluster whose TaskManagers record what is done to them
        TestingFlinkCluster cluster = new TestingFlinkCluster();
        CurrentJob job = new CurrentJob(cluster, (parallelism, attemptBase) -> null, null, null, null, () -> { });
        TaskManagerControl taskManagers = job.taskManagers();

        // When every fault the TaskManager control knows is asked of the job's TaskManagers
        List<Method> faults = Arrays.stream(TaskManagerControl.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers())).toList();
        for (Method fault : faults) {
            fault.invoke(taskManagers, 3);
        }

        // Then each reached the cluster (none fell back to the control's own "not injected"), for the job's id
        assertThat(cluster.calls).as("what the cluster's TaskManagers were asked")
                .containsExactlyInAnyOrderElementsOf(faults.stream().map(m -> m.getName() + " 3 of null").toList());
    }
}
