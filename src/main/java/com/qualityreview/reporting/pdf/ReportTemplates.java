package com.qualityreview.reporting.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
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
 * reports can be filled from them in parallel.
 */
@Component
public class ReportTemplates {

    static final String FOLDER = "report-templates/";
    static final String MESSAGES = "report-templates/messages";

    enum Template {
        EXECUTIVE("executive"), REGION("region"), SITE("site");

        final String file;

        Template(String file) {
            this.file = file;
        }
    }

    private final Map<Template, JasperReport> compiled = new EnumMap<>(Template.class);
    private final AtomicInteger compilations = new AtomicInteger();

    synchronized JasperReport get(Template template) {
        return compiled.computeIfAbsent(template, this::compile);
    }

    private JasperReport compile(Template template) {
        String resource = FOLDER + template.file + ".jrxml";
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

    /** How many templates were compiled in this run: one per template used, whatever the number of reports. */
    public int compilations() {
        return compilations.get();
    }

    /** The labels of a locale, without falling back to the JVM's default locale. */
    public static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle(MESSAGES, locale, ReportTemplates.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
