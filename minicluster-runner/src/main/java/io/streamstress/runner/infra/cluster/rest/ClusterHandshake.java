package io.streamstress.runner.infra.cluster.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamstress.runner.infra.HarnessException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.apache.flink.runtime.messages.webmonitor.ClusterOverview;
import org.apache.flink.runtime.rest.messages.ClusterOverviewHeaders;
import org.apache.flink.runtime.rest.messages.DashboardConfiguration;
import org.apache.flink.runtime.rest.messages.DashboardConfigurationHeaders;

/**
 * The first words with a cluster, before anything is submitted: {@code GET /config} (its Flink version) and
 * {@code GET /overview} (TaskManagers and slots), each bounded by the connect timeout. Plain HTTP rather than
 * Flink's REST client, whose requests retry an unreachable address for about a minute before they fail.
 */
final class ClusterHandshake {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HTTP_OK = 200;

    /** What the cluster said. */
    record ClusterInfo(String flinkVersion, int taskManagers, int slots) {}

    private ClusterHandshake() {}

    /**
     * Asks the cluster at {@code url} for its version and size.
     *
     * @throws HarnessException when it does not answer within {@code timeout}, or answers as no Flink would
     */
    static ClusterInfo fetch(RestUrl url, Duration timeout) throws HarnessException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        JsonNode config = get(http, url, DashboardConfigurationHeaders.getInstance().getTargetRestEndpointURL(), timeout);
        JsonNode version = config.get(DashboardConfiguration.FIELD_NAME_FLINK_VERSION);
        if (version == null || !version.isTextual()) {
            throw new HarnessException("the server at " + url + " answered GET /config without a flink-version: "
                    + "is the URL a Flink JobManager's REST address?");
        }
        JsonNode overview = get(http, url, ClusterOverviewHeaders.URL, timeout);
        return new ClusterInfo(version.asText(), overview.path(ClusterOverview.FIELD_NAME_TASKMANAGERS).asInt(),
                overview.path(ClusterOverview.FIELD_NAME_SLOTS_TOTAL).asInt());
    }

    private static JsonNode get(HttpClient http, RestUrl url, String path, Duration timeout)
            throws HarnessException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url.resolve(path)).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new HarnessException("the Flink cluster at " + url + " did not answer within " + timeout.toSeconds()
                    + " s: is its JobManager running, and is that its REST address (rest.address, rest.port)?", e);
        } catch (ConnectException e) {
            throw new HarnessException("nothing answers at " + url + " (connection refused): is the Flink cluster's "
                    + "JobManager running, and is that its REST address (rest.address, rest.port)?", e);
        } catch (IOException e) {
            throw new HarnessException("could not reach the Flink cluster at " + url + ": " + e.getMessage(), e);
        }
        if (response.statusCode() != HTTP_OK) {
            throw new HarnessException("the server at " + url + " answered GET " + path + " with HTTP "
                    + response.statusCode() + ": is the URL a Flink JobManager's REST address?");
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new HarnessException("the server at " + url + " answered GET " + path + " with no JSON: "
                    + "is the URL a Flink JobManager's REST address?", e);
        }
    }
}
