/**
 * A user's own Flink session cluster, reached only through its REST endpoint ({@code --cluster http://HOST:PORT}):
 * the version handshake, submission of the job's {@code StreamGraph} (with the job jar when the cluster lacks
 * the job's classes), its result, and the job's view read from the REST answers. The harness owns none of the
 * cluster's processes, so no TaskManager fault can be injected through it.
 */
package io.streamstress.runner.infra.cluster.rest;
