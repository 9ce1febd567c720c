/** Injectors that run inside the job, and the journal of what they injected. */
package io.streamstress.chaos.inject;
