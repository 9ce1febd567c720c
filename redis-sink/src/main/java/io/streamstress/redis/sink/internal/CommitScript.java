package io.streamstress.redis.sink.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.streamstress.redis.sink.CounterKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lua script that applies a {@link RedisDelta}: counts, sequence ranges, poison and the per-partition
 * high-water marks in one atomic step. Each range is clipped by its partition's mark (the next sequence not yet
 * counted), so a replayed record is never counted twice and a new one always counted, whatever epoch,
 * subtask or checkpoint the delta comes from. Runs by SHA and loads itself again when Redis answers NOSCRIPT
 * (after a restart or a {@code SCRIPT FLUSH}).
 */
public final class CommitScript {

    /** The mode that clips every range by its partition's high-water mark. */
    static final String ONCE = "once";

    /** The mode that applies everything as given, marks untouched: used by the at-least-once control only. */
    static final String ALWAYS = "always";

    private static final String SOURCE = load("apply-delta.lua");

    private final CounterKeys keys;
    private String sha;

    public CommitScript(CounterKeys keys) {
        this.keys = keys;
    }

    /** Applies what {@code delta} holds that is not counted yet, each record once however often it is applied. */
    public CommitOutcome applyOnce(RedisClusterCommands<String, String> redis, RedisDelta delta) {
        return run(redis, delta, ONCE);
    }

    /** Applies {@code delta} whatever was applied before (no marks): at-least-once. */
    CommitOutcome applyAlways(RedisClusterCommands<String, String> redis, RedisDelta delta) {
        return run(redis, delta, ALWAYS);
    }

    private CommitOutcome run(RedisClusterCommands<String, String> redis, RedisDelta delta, String mode) {
        List<String> keyList = new ArrayList<>(5 + delta.partitions().size());
        keyList.add(keys.next());
        keyList.add(keys.counts());
        keyList.add(keys.total());
        keyList.add(keys.poison());
        keyList.add(keys.poisonNext());
        List<String> args = new ArrayList<>(1 + 5 * delta.partitions().size());
        args.add(mode);
        for (PartitionDelta partition : delta.partitions()) {
            keyList.add(keys.ranges(partition.partition()));
            args.add(Integer.toString(partition.partition()));
            args.add(Long.toString(partition.count()));
            args.add(partition.rangesAsText());
            args.add(Long.toString(partition.poison()));
            args.add(partition.poisonOffsetsAsText());
        }
        String[] keyArray = keyList.toArray(String[]::new);
        String[] argArray = args.toArray(String[]::new);
        if (sha == null) {
            sha = redis.scriptLoad(SOURCE);
        }
        List<Long> outcome;
        try {
            outcome = redis.evalsha(sha, ScriptOutputType.MULTI, keyArray, argArray);
        } catch (RedisNoScriptException e) {
            sha = redis.scriptLoad(SOURCE);
            outcome = redis.evalsha(sha, ScriptOutputType.MULTI, keyArray, argArray);
        }
        return new CommitOutcome(outcome.get(0), outcome.get(1));
    }

    /** The script's SHA-1 once loaded (for tests that count its executions); null before the first run. */
    String sha() {
        return sha;
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
