/** The embedded Redis server: a real redis-server child process that never outlives the JVM. */
package io.streamstress.redis.server;
