package io.streamstress.chaos.probe.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.concurrent.CompletableFuture;

/**
 * Takes one of a subtask's pending arms, atomically (one Lua script), for one attempt. Idempotent per attempt: a
 * take repeated with the same token (because the first got no answer, or Lettuce replayed it after a reconnect)
 * answers "taken" again and consumes nothing more.
 */
final class ArmScript {

    static final String SOURCE = String.join("\n",
            "if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then return 1 end",
            "local pending = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')",
            "if pending > 0 then",
            "  redis.call('HINCRBY', KEYS[1], ARGV[1], -1)",
            "  redis.call('HSET', KEYS[2], ARGV[2], '1')",
            "  return 1",
            "end",
            "return 0");

    private ArmScript() {}

    /** Completes with true when this attempt ({@code token}) holds one of {@code subtask}'s arms. */
    static CompletableFuture<Boolean> take(RedisClusterAsyncCommands<String, String> redis, ProbeKeys keys, int subtask,
            String token) {
        return redis.<Long>eval(SOURCE, ScriptOutputType.INTEGER, new String[] {keys.arms(), keys.armsTaken()},
                        Integer.toString(subtask), token)
                .toCompletableFuture()
                .thenApply(taken -> taken != null && taken == 1L);
    }
}
