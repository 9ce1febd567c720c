/** The stress report: Given/When/Then scenarios whose every figure was measured, as JSON, Markdown and a self-contained HTML page with charts. */
package io.streamstress.runner.report;
