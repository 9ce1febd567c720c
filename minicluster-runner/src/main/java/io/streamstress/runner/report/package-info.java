/** The stress report: Given/When/Then scenarios whose every figure was measured, as JSON and Markdown. */
package io.streamstress.runner.report;
