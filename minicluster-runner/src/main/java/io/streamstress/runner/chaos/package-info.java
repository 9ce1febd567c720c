/** Running the fault plan against the live pipeline and timing the recovery from each fault. */
package io.streamstress.runner.chaos;
