package io.streamstress.redis.sink.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.streamstress.redis.sink.CounterKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lua script that applies a {@link RedisDelta}: counts, sequence ranges, poison and the epoch marker in one
 * atomic step, or nothing when the marker says the epoch was applied already. Runs by SHA and loads itself
 * again when Redis answers NOSCRIPT (after a restart or a {@code SCRIPT FLUSH}).
 */
public final class CommitScript {

    /** The epoch argument that makes the script skip the marker: used by the at-least-once control only. */
    static final String UNCONDITIONAL = "-";

    private static final String SOURCE = load("apply-delta.lua");

    private final CounterKeys keys;
    private String sha;

    public CommitScript(CounterKeys keys) {
        this.keys = keys;
    }

    /** Applies {@code delta} exactly once; returns false when its epoch was already applied. */
    public boolean applyOnce(RedisCommands<String, String> redis, RedisDelta delta) {
        return run(redis, delta, Long.toString(delta.epoch()));
    }

    /** Applies {@code delta} whatever was applied before (no marker): at-least-once. */
    boolean applyAlways(RedisCommands<String, String> redis, RedisDelta delta) {
        return run(redis, delta, UNCONDITIONAL);
    }

    private boolean run(RedisCommands<String, String> redis, RedisDelta delta, String epoch) {
        List<String> keyList = new ArrayList<>(4 + delta.partitions().size());
        keyList.add(keys.epochs());
        keyList.add(keys.counts());
        keyList.add(keys.total());
        keyList.add(keys.poison());
        List<String> args = new ArrayList<>(2 + 4 * delta.partitions().size());
        args.add(Integer.toString(delta.subtask()));
        args.add(epoch);
        for (PartitionDelta partition : delta.partitions()) {
            keyList.add(keys.ranges(partition.partition()));
            args.add(Integer.toString(partition.partition()));
            args.add(Long.toString(partition.count()));
            args.add(partition.rangesAsText());
            args.add(Long.toString(partition.poison()));
        }
        String[] keyArray = keyList.toArray(String[]::new);
        String[] argArray = args.toArray(String[]::new);
        if (sha == null) {
            sha = redis.scriptLoad(SOURCE);
        }
        Long applied;
        try {
            applied = redis.evalsha(sha, ScriptOutputType.INTEGER, keyArray, argArray);
        } catch (RedisNoScriptException e) {
            sha = redis.scriptLoad(SOURCE);
            applied = redis.evalsha(sha, ScriptOutputType.INTEGER, keyArray, argArray);
        }
        return applied != null && applied == 1L;
    }

    private static String load(String name) {
        try (InputStream in = CommitScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("commit script " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
