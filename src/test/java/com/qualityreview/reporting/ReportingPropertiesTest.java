package com.qualityreview.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.qualityreview.system.Settings;

import org.junit.jupiter.api.Test;

/** The reports' settings: the defaults README (Configuration) documents, and a setting given wins. */
class ReportingPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ReportingProperties properties = Settings.bind(ReportingProperties.class);

        assertThat(properties.locales()).containsExactly("en", "zh-CN");
        assertThat(properties.languages()).containsExactly(Locale.ENGLISH, Locale.forLanguageTag("zh-CN"));
        assertThat(properties.threads()).isZero();
        assertThat(properties.renderThreads()).as("cores + 1").isEqualTo(Runtime.getRuntime().availableProcessors() + 1);
        assertThat(properties.categoryNames()).isEqualTo(Path.of("jobs/complaint-categories.yml"));
    }

    @Test
    void aSettingGivenWins() {
        ReportingProperties properties = Settings.bind(ReportingProperties.class, "quality.reports.locales=zh-CN, en",
                "quality.reports.threads=4", "quality.reports.category-names=/etc/quality/categories.yml");

        assertThat(properties.locales()).containsExactly("zh-CN", "en");
        assertThat(properties.renderThreads()).isEqualTo(4);
        assertThat(properties.categoryNames()).isEqualTo(Path.of("/etc/quality/categories.yml"));
    }

    @Test
    void languagesMayBeAYamlList() {
        assertThat(Settings.bind(ReportingProperties.class, "quality.reports.locales[0]=en").languages())
                .isEqualTo(List.of(Locale.ENGLISH));
    }

    @Test
    void threadsBelowOneAreTheDefault() {
        assertThat(Settings.bind(ReportingProperties.class, "quality.reports.threads=-2").renderThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors() + 1);
    }
}
