package com.qualityreview.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complaint categories' display names: per language, falling back to the code; a bad file named with its line. */
class CategoryNamesTest {

    private static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    @TempDir
    Path folder;

    private Path file(String yaml) throws IOException {
        return Files.writeString(folder.resolve("categories.yml"), yaml);
    }

    @Test
    void aCategoryIsNamedInTheReadersLanguageAndOtherwiseShownAsItsCode() throws IOException {
        CategoryNames names = CategoryNames.load(file("""
                WAIT_TIME: {en: Waiting time, zh-CN: 等待时间}
                staff: {zh: 员工态度}
                """), false);

        assertThat(names.name("WAIT_TIME", Locale.ENGLISH)).isEqualTo("Waiting time");
        assertThat(names.name("WAIT_TIME", CHINESE)).isEqualTo("等待时间");
        assertThat(names.name("STAFF", CHINESE)).as("zh-CN finds a name given for zh; codes match as upper case").isEqualTo("员工态度");
        assertThat(names.name("STAFF", Locale.ENGLISH)).as("no English name").isEqualTo("STAFF");
        assertThat(names.name("BILLING", CHINESE)).as("not in the file").isEqualTo("BILLING");
    }

    @Test
    void theShippedFileNamesEveryDemoCategoryInBothLanguages() {
        CategoryNames names = CategoryNames.load(Path.of(CategoryNames.DEFAULT_FILE), false);

        for (String code : new String[] {"WAIT_TIME", "STAFF", "BILLING", "DAMAGE", "CLEANLINESS", "OTHER"}) {
            assertThat(names.name(code, Locale.ENGLISH)).as(code).isNotEqualTo(code);
            assertThat(names.name(code, CHINESE)).as(code).matches("\\p{IsHan}+");
        }
    }

    @Test
    void anOptionalFileMissingMeansCodesOnlyButAMissingFileSetByTheUserIsAnError() {
        Path missing = folder.resolve("missing.yml");

        assertThat(CategoryNames.load(missing, true).name("X", CHINESE)).isEqualTo("X");
        assertThatThrownBy(() -> CategoryNames.load(missing, false)).hasMessage("quality.reports.category-names (" + missing + "): no such file");
    }

    @Test
    void aMalformedFileIsNamedWithTheSettingTheFileAndTheLine() throws IOException {
        Path notYaml = file("WAIT_TIME: {en: Waiting time\nSTAFF: {en: Staff}\n");
        assertThatThrownBy(() -> CategoryNames.load(notYaml, false))
                .hasMessageStartingWith("quality.reports.category-names (" + notYaml + "), line 2: not valid YAML");

        Path notNames = file("WAIT_TIME: {en: Waiting time}\nSTAFF: Staff attitude\n");
        assertThatThrownBy(() -> CategoryNames.load(notNames, false))
                .hasMessageStartingWith("quality.reports.category-names (" + notNames + "), line 2 (STAFF): expected its names per language");

        Path listed = file("- WAIT_TIME\n");
        assertThatThrownBy(() -> CategoryNames.load(listed, false))
                .hasMessageStartingWith("quality.reports.category-names (" + listed + "), line 1: expected category codes");

        Path badTag = file("WAIT_TIME:\n  en: Waiting time\n  '123': Wartezeit\n");
        assertThatThrownBy(() -> CategoryNames.load(badTag, false))
                .hasMessage("quality.reports.category-names (" + badTag + "), line 3 (WAIT_TIME): '123' is not a language tag (en, zh-CN, ...)");
    }
}
