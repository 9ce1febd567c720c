package io.streamstress.redis.server;

import java.nio.file.Path;

/** Started in a child JVM by {@link EmbeddedRedisServerITCase}: starts Redis, prints its pid, waits to be killed. */
public final class RedisChildMain {

    private RedisChildMain() {}

    public static void main(String[] args) throws Exception {
        EmbeddedRedisServer server = new EmbeddedRedisServer(RedisServerSettings.loopback(Path.of(args[0]), "child"));
        server.start();
        System.out.println("REDIS_PID " + server.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
