/** The command line: options, exit codes, and the entry point. */
package io.streamstress.runner.cli;
