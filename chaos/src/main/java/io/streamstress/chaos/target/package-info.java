/** What injectors act on: small interfaces the runner implements over the MiniCluster, Redis and the broker. */
package io.streamstress.chaos.target;
