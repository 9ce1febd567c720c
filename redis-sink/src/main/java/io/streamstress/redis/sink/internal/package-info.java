/** The sinks' writers, committer, committable and serializers; not an API. */
package io.streamstress.redis.sink.internal;
