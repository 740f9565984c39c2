package com.qualityreview.reporting.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

import org.springframework.stereotype.Component;

/**
 * The report templates of report-templates/ (packed into the jar), each compiled once per run on
 * first use and shared by every report rendered from it; compiled reports are immutable, so
 * reports can be filled from them in parallel. The sections that every report shows are
 * subreports (report-templates/subreports/), compiled with the first template and handed to each
 * report as the parameter {@code <name>Subreport}. Styles are in report-templates/styles.jrtx,
 * which the templates reference themselves.
 */
@Component
public class ReportTemplates {

    static final String FOLDER = "report-templates/";
    static final String MESSAGES = "report-templates/messages";
    public static final List<String> SUBREPORTS = List.of("headlines", "trend", "pareto", "servqual", "compliance", "comments",
            "siteRanking", "fairRanking", "drivers");

    public enum Template {
        /** The executive report and the region report: one layout, for either scope. */
        OVERVIEW("overview"),
        SITE("site");

        final String file;

        Template(String file) {
            this.file = file;
        }
    }

    /** A compiled template and the compiled subreports to fill it with, by parameter name. */
    record Compiled(JasperReport report, Map<String, JasperReport> subreports) {
    }

    private final Map<Template, Compiled> compiled = new EnumMap<>(Template.class);
    private Map<String, JasperReport> subreports;
    private final AtomicInteger compilations = new AtomicInteger();

    synchronized Compiled get(Template template) {
        return compiled.computeIfAbsent(template, t -> new Compiled(compile(t.file), subreports()));
    }

    private Map<String, JasperReport> subreports() {
        if (subreports == null) {
            Map<String, JasperReport> byParameter = new LinkedHashMap<>();
            SUBREPORTS.forEach(name -> byParameter.put(name + "Subreport", compile("subreports/" + name)));
            subreports = Map.copyOf(byParameter);
        }
        return subreports;
    }

    private JasperReport compile(String file) {
        String resource = FOLDER + file + ".jrxml";
        try (InputStream jrxml = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (jrxml == null) {
                throw new IllegalStateException("report template " + resource + " is missing");
            }
            JasperReport report = JasperCompileManager.compileReport(jrxml);
            compilations.incrementAndGet();
            return report;
        }
        catch (JRException e) {
            throw new IllegalStateException("report template " + resource + " does not compile: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many templates and subreports were compiled in this run: each once, whatever the number of reports. */
    public int compilations() {
        return compilations.get();
    }

    /** The labels of a locale, without falling back to the JVM's default locale. */
    public static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle(MESSAGES, locale, ReportTemplates.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
