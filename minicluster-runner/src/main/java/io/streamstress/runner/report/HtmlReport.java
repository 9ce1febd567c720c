package io.streamstress.runner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@code stress-report.html}: one self-contained page (no network: Chart.js and the data are inline). The
 * page carries the same JSON as {@code stress-report.json} and draws its tables and charts from it:
 * throughput with faults marked, lag, recovery clocks per fault, load per TaskManager, latency percentiles,
 * checkpoint durations. It marks on {@code <body>} how many charts drew pixels and how many errors occurred,
 * for a browser check.
 */
final class HtmlReport {

    private static final String TEMPLATE = "stress-report.html";
    private static final String CHARTJS = "META-INF/resources/webjars/chart.js/%s/dist/chart.umd.js";

    private HtmlReport() {}

    static void write(Report report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    static String render(Report report) {
        ObjectNode json = JsonReport.toJson(report);
        json.put("timelineStart", report.outcome().recording().pipelineStartMillis());
        String data;
        try {
            data = new ObjectMapper().writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Inside <script>, "</" could end the element: JSON allows "<\/" for the same text.
        String safeData = data.replace("</", "<\\/");
        String chartJs = resource(String.format(CHARTJS, versions().getProperty("chartjs"))).replace("</script", "<\\/script");
        String template = resource(HtmlReport.class.getPackageName().replace('.', '/') + "/" + TEMPLATE);
        return template.replace("/*CHARTJS*/", chartJs).replace("/*REPORT_JSON*/", safeData);
    }

    private static Properties versions() {
        Properties versions = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from the build");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    private static String resource(String path) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
