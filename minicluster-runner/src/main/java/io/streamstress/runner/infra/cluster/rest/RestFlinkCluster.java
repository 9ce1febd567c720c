package io.streamstress.runner.infra.cluster.rest;

import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.cluster.ClusterKind;
import io.streamstress.runner.infra.cluster.FlinkCluster;
import io.streamstress.runner.infra.cluster.JobView;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A Flink session cluster reached by its REST endpoint ({@code --cluster http://HOST:PORT}): a user's own
 * cluster, or one the harness started whose processes another class controls. {@link #connect} checks that it
 * answers and runs this jar's Flink version line; jobs go to it as a {@code StreamGraph} through Flink's
 * {@link RestClusterClient}, with the job jar attached when the cluster's classpath lacks the job's classes.
 *
 * <p>Every call is bounded: Flink's REST client retries a failed request only twice, and each answer is
 * awaited for at most the call's own timeout.
 */
public final class RestFlinkCluster implements FlinkCluster {

    /** How long one {@link #view} may take (5 requests for the stress job, two round trips). */
    public static final Duration VIEW_TIMEOUT = Duration.ofSeconds(10);
    /** Submission uploads the job jar (tens of MB) and the graph. */
    public static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(2);
    /** How long {@link #cancel} waits for the cancellation and then for the job to stop. */
    public static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(30);
    /** How long the result of a job that has ended may take to arrive. */
    static final Duration RESULT_TIMEOUT = Duration.ofSeconds(30);
    /** {@link #awaitResult} asks for the job's status this often. */
    static final Duration STATUS_POLL = Duration.ofMillis(100);
    /** Attempts of Flink's REST client per request (its default, 20 × 3 s, would outlive every timeout here). */
    static final int REST_ATTEMPTS = 2;
    static final Duration REST_RETRY_DELAY = Duration.ofMillis(200);

    private final RestUrl url;
    private final String flinkVersion;
    private final int taskManagers;
    private final int slots;
    private final Optional<Path> jobJar;
    private final RestClusterClient<StandaloneClusterId> client;
    private final JobViewReader reader;

    private RestFlinkCluster(RestUrl url, ClusterHandshake.ClusterInfo info, Optional<Path> jobJar,
            RestClusterClient<StandaloneClusterId> client) {
        this.url = url;
        this.flinkVersion = info.flinkVersion();
        this.taskManagers = info.taskManagers();
        this.slots = info.slots();
        this.jobJar = jobJar;
        this.client = client;
        this.reader = new JobViewReader(client, VIEW_TIMEOUT);
    }

    /**
     * Connects to the session cluster at {@code url}.
     *
     * @param connectTimeout how long the cluster may take to answer (each of {@code GET /config} and
     *     {@code GET /overview}, and the REST client's connections)
     * @param jobJar the jar to submit with every job: the job jar for a cluster that lacks the job's classes
     *     (a user's Flink distribution); empty for a cluster whose classpath already is the harness, which must
     *     get none (its kafka-clients would load twice, child-first, and fail with linkage errors)
     * @throws HarnessException when the cluster does not answer within the timeout, or not as Flink does
     * @throws ClusterVersionMismatchException when it runs another Flink version line than this jar
     */
    public static RestFlinkCluster connect(RestUrl url, Duration connectTimeout, Optional<Path> jobJar)
            throws HarnessException, InterruptedException {
        ClusterHandshake.ClusterInfo info = ClusterHandshake.fetch(url, connectTimeout);
        FlinkVersionCheck.requireSameLine(url, info.flinkVersion(), FlinkVersionCheck.harnessVersion());
        try {
            return new RestFlinkCluster(url, info, jobJar,
                    new RestClusterClient<>(clientConfiguration(url, connectTimeout), StandaloneClusterId.getInstance()));
        } catch (Exception e) {
            throw new HarnessException("could not open a REST client to the Flink cluster at " + url + ": "
                    + RestErrors.rootMessage(e), e);
        }
    }

    /** The REST client's settings: the address, the timeout, and few retries. */
    static Configuration clientConfiguration(RestUrl url, Duration connectTimeout) {
        Configuration config = new Configuration();
        config.set(RestOptions.ADDRESS, url.host());
        config.set(RestOptions.PORT, url.port());
        config.set(RestOptions.CONNECTION_TIMEOUT, connectTimeout);
        config.set(RestOptions.AWAIT_LEADER_TIMEOUT, connectTimeout);
        config.set(RestOptions.RETRY_MAX_ATTEMPTS, REST_ATTEMPTS);
        config.set(RestOptions.RETRY_DELAY, REST_RETRY_DELAY);
        return config;
    }

    /** The cluster's REST address. */
    public RestUrl url() {
        return url;
    }

    /** The Flink version the cluster reported. */
    public String flinkVersion() {
        return flinkVersion;
    }

    @Override
    public String describe() {
        return String.format("Flink %s session cluster at %s, %d TaskManager(s), %d slot(s) in all%s", flinkVersion, url,
                taskManagers, slots, jobJar.map(jar -> ", jobs submitted with " + jar.getFileName()).orElse(""));
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.REMOTE;
    }

    /** Submits {@code job} (with the job jar, if this cluster needs one). A graph is submitted once. */
    @Override
    public JobID submit(StreamGraph job) throws HarnessException {
        if (jobJar.isPresent()) {
            org.apache.flink.core.fs.Path jar = new org.apache.flink.core.fs.Path(jobJar.get().toUri());
            if (!job.getUserJars().contains(jar)) {
                job.addJar(jar);
            }
        }
        try {
            // What Flink's session executor does before it hands a StreamGraph to the cluster client.
            job.serializeUserDefinedInstances();
        } catch (IOException e) {
            throw new HarnessException("the job's operators could not be serialized: " + RestErrors.rootMessage(e), e);
        }
        try {
            return client.submitJob(job).get(SUBMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while submitting the job to " + url, e);
        } catch (TimeoutException e) {
            throw new HarnessException("the Flink cluster at " + url + " did not accept the job within "
                    + SUBMIT_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new HarnessException("the Flink cluster at " + url + " did not accept the job: "
                    + RestErrors.rootMessage(e) + (jobJar.isPresent() ? ""
                            : " (no job jar was sent: does the cluster's class path hold the job's classes?)"), e);
        }
    }

    /**
     * Waits for the job to reach a globally terminal state, asking for its status every {@link #STATUS_POLL},
     * then fetches its result; null when {@code timeout} passed first.
     */
    @Override
    public JobResult awaitResult(JobID job, Duration timeout) throws HarnessException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobStatus status = status(job, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0))
                    .plus(STATUS_POLL));
            if (status != null && status.isGloballyTerminalState()) {
                return result(job);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, STATUS_POLL.toNanos()));
        }
    }

    /** The job's status, null when the cluster did not answer within {@code timeout}. */
    private JobStatus status(JobID job, Duration timeout) throws HarnessException, InterruptedException {
        try {
            return client.getJobStatus(job).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new HarnessException("could not get the status of job " + job + " from " + url + ": "
                    + RestErrors.rootMessage(e), e);
        }
    }

    private JobResult result(JobID job) throws HarnessException, InterruptedException {
        try {
            return client.requestJobResult(job).get(RESULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new HarnessException("could not get the result of job " + job + " from " + url + ": "
                    + RestErrors.rootMessage(e), e);
        }
    }

    @Override
    public void cancel(JobID job) {
        try {
            client.cancel(job).get(CANCEL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitResult(job, CANCEL_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Already terminal, or the cluster is going away: nothing left to cancel.
        }
    }

    @Override
    public String stopWithSavepoint(JobID job, Path directory, Duration timeout)
            throws HarnessException, InterruptedException {
        try {
            String path = client.stopWithSavepoint(job, false, directory.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            awaitResult(job, timeout);
            return path;
        } catch (ExecutionException e) {
            throw new HarnessException("stop-with-savepoint of job " + job + " failed: " + RestErrors.rootMessage(e), e);
        } catch (TimeoutException e) {
            throw new HarnessException("stop-with-savepoint of job " + job + " did not complete within "
                    + timeout.toSeconds() + " s", e);
        }
    }

    @Override
    public JobView view(JobID job) {
        return reader.read(job);
    }

    /** None: the harness owns no process of this cluster; every TaskManager fault is not injected. */
    @Override
    public TaskManagerControl taskManagersOf(JobID job) {
        return new NotOwnedTaskManagers(url);
    }

    /** Closes the REST client; the cluster goes on running. */
    @Override
    public void close() {
        client.close();
    }
}
