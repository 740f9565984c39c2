package com.qualityreview.reporting;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reports' settings, {@code quality.reports.*} (README, Configuration), defaults here and nowhere
 * else. The languages are also those of the deliveries.
 *
 * @param locales language tags the reports are rendered in
 * @param threads reports rendered in parallel; 0 (or less) for one more than the cores (the default)
 * @param categoryNames the complaint categories' display names per language ({@link CategoryNames}); a
 *        missing file at the default location means codes only
 */
@ConfigurationProperties("quality.reports")
public record ReportingProperties(
        @DefaultValue({"en", "zh-CN"}) List<String> locales,
        @DefaultValue("0") int threads,
        @DefaultValue(CategoryNames.DEFAULT_FILE) Path categoryNames) {

    public ReportingProperties {
        locales = locales == null ? List.of() : List.copyOf(locales);
    }

    /** {@link #locales()} as locales. */
    public List<Locale> languages() {
        return locales.stream().map(Locale::forLanguageTag).toList();
    }

    /** {@link #threads()}, or one more than the cores when not set: a report also waits on its comment queries and on the disk. */
    public int renderThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors() + 1;
    }
}
