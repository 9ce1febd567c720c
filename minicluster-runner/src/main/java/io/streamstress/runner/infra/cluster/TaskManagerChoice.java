package io.streamstress.runner.infra.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which TaskManager a {@code taskmanager-stop} stops: one that hosts a running task of the job, so that the
 * fault breaks something. With more slots than subtasks some TaskManagers are idle; stopping one of those
 * restarts nothing and tests nothing.
 */
public final class TaskManagerChoice {

    private TaskManagerChoice() {}

    /**
     * @param running the MiniCluster indexes of the running TaskManagers, in start order
     * @param resourceIds each index's TaskManager resource id
     * @param busy the resource ids of the TaskManagers hosting a running task of the job
     * @param ordinal which of the busy ones (modulo their number), as the fault plan drew it
     * @return the index to stop; empty when no running TaskManager hosts a running task
     */
    public static OptionalInt pick(List<Integer> running, Map<Integer, String> resourceIds, Set<String> busy, int ordinal) {
        List<Integer> candidates = running.stream().filter(i -> busy.contains(resourceIds.get(i))).toList();
        if (candidates.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(candidates.get(Math.floorMod(ordinal, candidates.size())));
    }

    /**
     * {@link #pick(List, Map, Set, int)} for clusters that know their TaskManagers by resource id.
     *
     * @param running the resource ids of the running TaskManagers (not frozen, not cut off), in start order
     * @return the resource id to hit; empty when none of them hosts a running task
     */
    public static Optional<String> pick(List<String> running, Set<String> busy, int ordinal) {
        List<String> candidates = running.stream().filter(busy::contains).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(Math.floorMod(ordinal, candidates.size())));
    }
}
