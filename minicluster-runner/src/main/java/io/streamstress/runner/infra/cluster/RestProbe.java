package io.streamstress.runner.infra.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two questions a starting cluster asks the JobManager's REST API: does it answer ({@code GET /config}), and
 * which TaskManagers registered ({@code GET /taskmanagers}, which the JobManager answers from its resource
 * manager, uncached). Everything else about jobs is the REST client's.
 */
public final class RestProbe {

    /** A loopback answer takes milliseconds; a JobManager busy starting may take a while. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String restUrl;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public RestProbe(String restUrl) {
        this.restUrl = restUrl;
        this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    }

    /** Whether the REST API answers. */
    public boolean answers() throws InterruptedException {
        return get("/config").isPresent();
    }

    /** The registered TaskManagers; empty when the REST API does not answer (yet). */
    public Optional<List<RegisteredTaskManager>> taskManagers() throws InterruptedException {
        Optional<JsonNode> answer = get("/taskmanagers");
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        List<RegisteredTaskManager> registered = new ArrayList<>();
        for (JsonNode tm : answer.get().path("taskmanagers")) {
            registered.add(new RegisteredTaskManager(tm.path("id").asText(), tm.path("slotsNumber").asInt(),
                    tm.path("freeSlots").asInt()));
        }
        return Optional.of(List.copyOf(registered));
    }

    private Optional<JsonNode> get(String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + path)).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(json.readTree(response.body())) : Optional.empty();
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }
}
