/**
 * The docker mode ({@code --infra docker}): the run's Kafka broker and Redis, and with {@code --cluster docker} the
 * Flink JobManager and TaskManagers, each in its own container on a Docker network of the run's ({@link
 * io.streamstress.runner.infra.docker.DockerRun}), started and stopped through Testcontainers, and what the container
 * faults do to them (kill, freeze, cut from the network, delay).
 */
package io.streamstress.runner.infra.docker;
