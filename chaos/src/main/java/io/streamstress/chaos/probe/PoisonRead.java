package io.streamstress.chaos.probe;

/** The job read a poison record (replays read it again). */
public record PoisonRead(int partition, long offset, long atMillis) {}
