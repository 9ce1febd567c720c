/** The run's settings, validated once, independent of how they were given. */
package io.streamstress.runner.config;
