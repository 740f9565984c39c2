package com.qualityreview.reporting.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/** Fills a compiled template with one report's parameters and its subreports and writes the PDF; safe to call in parallel. */
final class PdfReports {

    private PdfReports() {
    }

    static void write(ReportTemplates.Compiled template, Map<String, Object> parameters, Locale locale, String title, Path target) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.putAll(template.subreports());
        all.put(JRParameter.REPORT_LOCALE, locale);
        all.put(JRParameter.REPORT_RESOURCE_BUNDLE, ReportTemplates.messages(locale));
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            // The templates read everything from parameters; one empty row drives the detail once.
            JasperPrint print = JasperFillManager.fillReport(template.report(), all, new JREmptyDataSource(1));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                JRPdfExporter exporter = new JRPdfExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
                configuration.setMetadataTitle(title);
                configuration.setMetadataCreator("Quality Review");
                exporter.setConfiguration(configuration);
                exporter.exportReport();
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (JRException | IOException e) {
            throw new IllegalStateException("cannot render " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
