package com.qualityreview.reporting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF as its reader does: its text, and what of it is English outside the data. For the
 * report tests of every language (a Chinese report must not say "Rating fell from 4★ to 1★").
 */
public final class PdfReading {

    /**
     * Words that stay as they are in every language: the names of measures a Chinese reader also
     * knows by their English abbreviation (CSAT, NPS, KPI, SERVQUAL, the messages say so too), and
     * the product's name in the page header.
     */
    public static final List<String> ALLOWED = List.of("Quality Review", "SERVQUAL", "CSAT", "NPS", "KPIs", "KPI");

    /** Two or more ASCII words of two or more letters, separated by single spaces: an English phrase. */
    private static final Pattern ENGLISH_RUN = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2,}(?: [A-Za-z]{2,})+(?![A-Za-z0-9])");
    /** Where a data value or allowed word was cut out: neither a letter nor a space, so no phrase spans it. */
    private static final String CUT = "¦";

    /** Chinese characters and punctuation, where a bilingual value changes script. */
    private static final String OTHER_SCRIPT = "[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}]+";

    private PdfReading() {
    }

    /**
     * The text of every page, as PDFBox extracts it. Not in it: chart labels drawn at a slant (the
     * Pareto chart's categories), which the PDF holds as shapes; check those in the report's model.
     */
    public static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * The English phrases of {@code text} once the data values (names, codes, comments, category
     * codes, KPI names and units: what the data says, in whatever language it says it) and the
     * {@link #ALLOWED} words are cut out; empty when everything else is in the report's language.
     * Line breaks count as spaces, so a value or a phrase wrapped over two lines is still found.
     */
    public static List<String> englishOutsideData(String text, Collection<String> dataValues) {
        String rest = spaced(text);
        List<String> cuts = new ArrayList<>();
        for (String value : dataValues) {
            if (value == null) {
                continue;
            }
            cuts.add(spaced(value));
            // A bilingual name ("上海浦东店 Shanghai Pudong") may wrap in a table cell, and the text of the
            // next cell then comes between its parts: each part in one script is a data value too.
            for (String part : value.split(OTHER_SCRIPT)) {
                cuts.add(spaced(part));
            }
        }
        cuts.removeIf(String::isEmpty);
        // Longest first: "Shanghai Pudong" goes before "Shanghai" would leave "Pudong" behind.
        cuts.sort(Comparator.comparingInt(String::length).reversed());
        for (String value : cuts) {
            rest = rest.replace(value, CUT);
        }
        for (String word : ALLOWED) {
            rest = rest.replaceAll("(?<![A-Za-z0-9])" + Pattern.quote(word) + "(?![A-Za-z0-9])", CUT);
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = ENGLISH_RUN.matcher(rest);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return List.copyOf(found);
    }

    private static String spaced(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
