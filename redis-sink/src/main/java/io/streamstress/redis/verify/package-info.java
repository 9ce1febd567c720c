/** The end-of-run verification: produced = topic end offsets = committed, and the sequence ranges tile. */
package io.streamstress.redis.verify;
