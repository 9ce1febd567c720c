/** Checkpoint and state-backend settings of the stress job. */
package io.streamstress.checkpoints;
