package io.streamstress.runner.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the report files into the report directory. */
public final class ReportWriter {

    public static final String JSON = "stress-report.json";
    public static final String MARKDOWN = "stress-report.md";
    public static final String HTML = "stress-report.html";

    private ReportWriter() {}

    /** Writes {@code stress-report.json}, {@code .md} and {@code .html} into {@code dir}; returns their paths. */
    public static List<Path> write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON);
        Path markdown = dir.resolve(MARKDOWN);
        JsonReport.write(report, json);
        MarkdownReport.write(report, markdown);
        Path html = dir.resolve(HTML);
        HtmlReport.write(report, html);
        return List.of(markdown, html, json);
    }
}
