package io.streamstress.runner.chaos;

import io.streamstress.chaos.inject.FaultInjector;
import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.inject.PauseInjector;
import io.streamstress.chaos.inject.ServerDispatchInjector;
import io.streamstress.chaos.inject.ServerRestartInjector;
import io.streamstress.chaos.inject.TaskManagerFreezeInjector;
import io.streamstress.chaos.inject.TaskManagerKillInjector;
import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.ServerRole;
import io.streamstress.chaos.proxy.Latency;
import io.streamstress.chaos.target.PausableProcess;
import io.streamstress.chaos.target.RestartableServer;
import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.runner.infra.docker.DockerServers;
import io.streamstress.runner.infra.docker.ServerContainer;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The faults Docker does to the servers' containers ({@code --infra docker}): {@code container-kill},
 * {@code container-pause}, {@code network-partition} and {@code network-delay} on the server each names, and the
 * Redis faults of the embedded mode on the Redis container ({@code redis-restart} is its kill, {@code redis-stall} its
 * freeze, {@code broker-restart} the broker container's {@code docker stop} and start), and, with {@code --cluster docker}, the first three on the TaskManager containers (through the cluster's
 * {@link TaskManagerControl}: a TaskManager hosting a running task, replaced by a spare when killed).
 */
final class ContainerFaults {

    private ContainerFaults() {}

    /**
     * @param taskManagers the cluster's TaskManagers, when they run in containers ({@code --cluster docker}); null
     *     otherwise
     */
    static void add(Map<FaultKind, FaultInjector> injectors, DockerServers docker, TaskManagerControl taskManagers,
            Duration stall, Latency latency) {
        Map<ServerRole, FaultInjector> kill = new EnumMap<>(ServerRole.class);
        Map<ServerRole, FaultInjector> pause = new EnumMap<>(ServerRole.class);
        Map<ServerRole, FaultInjector> partition = new EnumMap<>(ServerRole.class);
        Map<ServerRole, FaultInjector> delay = new EnumMap<>(ServerRole.class);
        Map<ServerRole, ServerContainer> servers = Map.of(ServerRole.REDIS, docker.redis(), ServerRole.KAFKA, docker.kafka());
        servers.forEach((role, server) -> {
            String name = role == ServerRole.REDIS ? "Redis container" : "broker container";
            String data = role == ServerRole.REDIS ? "its AOF" : "its logs";
            kill.put(role, new ServerRestartInjector(killed(server),
                    name + " killed (docker kill, SIGKILL) and started again on " + data));
            pause.put(role, new PauseInjector(PausableProcess.of(server::pause, server::unpause), stall,
                    name + " frozen (docker pause, cgroup freezer)"));
            partition.put(role, new PauseInjector(PausableProcess.of(server::disconnect, server::connect), stall,
                    name + " disconnected from the run's Docker network"));
            delay.put(role, new PauseInjector(delayed(server, latency), stall,
                    latency + " added by tc netem to everything the " + name + " sends"));
        });
        if (taskManagers != null) {
            kill.put(ServerRole.TASKMANAGER, new TaskManagerKillInjector(taskManagers));
            pause.put(ServerRole.TASKMANAGER, new TaskManagerFreezeInjector(taskManagers, stall));
            partition.put(ServerRole.TASKMANAGER, new TaskManagerFreezeInjector(taskManagers::cutOff, stall));
        }
        injectors.put(FaultKind.CONTAINER_KILL, new ServerDispatchInjector(kill));
        injectors.put(FaultKind.CONTAINER_PAUSE, new ServerDispatchInjector(pause));
        injectors.put(FaultKind.NETWORK_PARTITION, new ServerDispatchInjector(partition));
        injectors.put(FaultKind.NETWORK_DELAY, new ServerDispatchInjector(delay));
        injectors.put(FaultKind.REDIS_RESTART, kill.get(ServerRole.REDIS));
        injectors.put(FaultKind.REDIS_STALL, pause.get(ServerRole.REDIS));
        injectors.put(FaultKind.BROKER_RESTART, new ServerRestartInjector(stopped(docker.kafka()),
                "broker container stopped (docker stop: SIGTERM, a clean shutdown) and started again on its logs"));
    }

    /** How long a stopped broker may take to shut down cleanly before Docker kills it. */
    static final int STOP_GRACE_SECONDS = 30;

    static RestartableServer stopped(ServerContainer server) {
        return new RestartableServer() {
            @Override
            public void takeDown() {
                server.stop(STOP_GRACE_SECONDS);
            }

            @Override
            public void bringUp() throws Exception {
                server.startAgain();
            }
        };
    }

    static RestartableServer killed(ServerContainer server) {
        return new RestartableServer() {
            @Override
            public void takeDown() {
                server.kill();
            }

            @Override
            public void bringUp() throws Exception {
                server.startAgain();
            }
        };
    }

    /**
     * {@code latency} on every interface of the container but loopback, by a netem root qdisc; a kernel without
     * netem (CONFIG_NET_SCH_NETEM) makes the fault not injected, saying so.
     */
    static PausableProcess delayed(ServerContainer server, Latency latency) {
        String netem = "netem delay " + latency.mean().toMillis() + "ms " + latency.jitter().toMillis() + "ms";
        return PausableProcess.of(
                () -> tc(server, "add", netem),
                () -> tc(server, "del", ""));
    }

    private static void tc(ServerContainer server, String verb, String qdisc) throws Exception {
        String script = "for i in $(ls /sys/class/net); do [ \"$i\" = lo ] || tc qdisc " + verb + " dev \"$i\" root "
                + qdisc + " || exit 1; done";
        try {
            server.exec(List.of("sh", "-c", script));
        } catch (IOException e) {
            String said = String.valueOf(e.getMessage());
            if (said.contains("qdisc kind is unknown")) {
                throw new FaultNotInjectedException("this kernel has no netem (CONFIG_NET_SCH_NETEM is not set): tc said '"
                        + said.substring(said.indexOf(':') + 1).trim() + "'");
            }
            if (said.contains("not found")) {
                throw new FaultNotInjectedException("the " + server.name() + " container's image has no tc: use an image "
                        + "with iproute2 (stress-scripts/build-images.sh builds one)");
            }
            throw e;
        }
    }
}
