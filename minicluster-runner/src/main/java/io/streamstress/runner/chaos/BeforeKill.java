package io.streamstress.runner.chaos;

/**
 * What a run does just before it asks its supervisor to kill it (a planned {@code process-kill}): hand over what
 * it measured, so that the process resuming the run can report the whole of it.
 */
@FunctionalInterface
public interface BeforeKill {

    void prepare() throws Exception;
}
