package com.qualityreview.reporting;

import com.qualityreview.reporting.pdf.ReportRendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The naming rule of report files: readable, and never one file for two scopes. */
class ReportFileNameTest {

    static final Locale EN = Locale.ENGLISH;
    static final Locale ZH = Locale.forLanguageTag("zh-CN");

    @Test
    void upperCaseAsciiCodesKeepTheirPlainNames() {
        assertThat(ReportFileName.of("ORG", "ORG", EN)).isEqualTo("executive.en.pdf");
        assertThat(ReportFileName.of("ORG", "ORG", ZH)).isEqualTo("executive.zh-CN.pdf");
        assertThat(ReportFileName.of("SITE", "S001", EN)).isEqualTo("site-S001.en.pdf");
        assertThat(ReportFileName.of("SITE", "SH-PUDONG", ZH)).isEqualTo("site-SH-PUDONG.zh-CN.pdf");
        assertThat(ReportFileName.of("SITE", "A_B", EN)).isEqualTo("site-A_B.en.pdf");
        assertThat(ReportFileName.of("REGION", "CN-EAST", EN)).isEqualTo("region-CN-EAST.en.pdf");
        assertThat(ReportFileName.of("REGION", "V1.2", EN)).isEqualTo("region-V1.2.en.pdf");
    }

    @Test
    void anyOtherCodeIsShownReadablyWithAHashOfTheExactCode() {
        assertThat(ReportFileName.of("SITE", "上海01", EN)).matches("site-__01~[0-9a-f]{12}\\.en\\.pdf");
        assertThat(ReportFileName.of("SITE", "KÖLN 1", EN)).matches("site-KOLN_1~[0-9a-f]{12}\\.en\\.pdf");
        assertThat(ReportFileName.of("REGION", "BER/MITTE", ZH)).matches("region-BER_MITTE~[0-9a-f]{12}\\.zh-CN\\.pdf");
        assertThat(ReportFileName.of("SITE", "s001", EN)).matches("site-s001~[0-9a-f]{12}\\.en\\.pdf");
        // Stable across runs and machines: the first 12 hex digits of SHA-256 of the UTF-8 code.
        assertThat(ReportFileName.of("SITE", "上海01", EN)).isEqualTo("site-__01~b84ae17142cf.en.pdf");
    }

    @Test
    void codesThatLookAlikeOnceMadeFileSafeGetDifferentNames() {
        assertDistinct(List.of("上海01", "北京01", "__01"));
        assertDistinct(List.of("A/B", "A_B", "A B", "A\\B", "A:B", "A~B"));
        assertDistinct(List.of("KÖLN 1", "KOLN 1", "KOLN_1", "KÖLN_1"));
        assertDistinct(List.of("../etc", ".._etc", "..~etc"));
    }

    @Test
    void aCodeSpelledLikeAnotherCodesHashedFormGetsItsOwnName() {
        String hashed = ReportFileName.codePart("上海01");
        assertDistinct(List.of("上海01", hashed, hashed.toUpperCase(Locale.ROOT), hashed.replace('~', '-'),
                hashed.replace('~', '-').toUpperCase(Locale.ROOT), hashed.replace('~', '_')));
        // And a hashed form of a hashed form is again different.
        assertDistinct(List.of(hashed, ReportFileName.codePart(hashed)));
    }

    @Test
    void codesThatDifferOnlyInCaseGetNamesThatDifferAlsoOnCaseInsensitiveFileSystems() {
        assertDistinct(List.of("ab", "AB", "Ab", "aB"));
        assertDistinct(List.of("Köln", "KÖLN", "köln"));
        assertThat(ReportFileName.of("SITE", "AB", EN)).isEqualTo("site-AB.en.pdf");
    }

    @Test
    void scopeTypesAndLanguagesNeverShareANameEither() {
        List<String> names = new ArrayList<>();
        for (Locale locale : List.of(EN, ZH)) {
            names.add(ReportFileName.of("ORG", "ORG", locale));
            for (String code : List.of("ORG", "A", "A.en", "上海01")) {
                names.add(ReportFileName.of("SITE", code, locale));
                names.add(ReportFileName.of("REGION", code, locale));
            }
        }
        assertThat(new HashSet<>(lowerCase(names))).hasSameSizeAs(names);
    }

    @Test
    void everyNameIsAPlainFileNameThatDownloadsAccept() {
        for (String code : List.of("上海01", "BER/MITTE", "KÖLN 1", "../x", "", " ", "~", "A~B", "ab")) {
            assertThat(ReportFileName.of("SITE", code, EN)).matches("[A-Za-z0-9][A-Za-z0-9._~-]*")
                    .doesNotContain("/").doesNotContain("\\");
        }
    }

    @Test
    void renderingRefusesTwoReportsWithOneFileNameNamingBothScopes() {
        Path folder = Path.of("reports/2026-10/r1");
        var shanghai = new ReportRendering.RenderedReport("SITE", "上海01", EN, folder.resolve("site-__01.en.pdf"));
        var beijing = new ReportRendering.RenderedReport("SITE", "北京01", EN, folder.resolve("site-__01.en.pdf"));
        var upper = new ReportRendering.RenderedReport("SITE", "X", EN, folder.resolve("site-AB.en.pdf"));
        var lower = new ReportRendering.RenderedReport("SITE", "Y", EN, folder.resolve("site-ab.en.pdf"));

        assertThatThrownBy(() -> ReportRendering.requireDistinctFiles(List.of(shanghai, beijing)))
                .hasMessageContaining("SITE '上海01' (en)").hasMessageContaining("SITE '北京01' (en)")
                .hasMessageContaining("site-__01.en.pdf");
        assertThatThrownBy(() -> ReportRendering.requireDistinctFiles(List.of(upper, lower)))
                .hasMessageContaining("SITE 'X'").hasMessageContaining("SITE 'Y'");
        ReportRendering.requireDistinctFiles(List.of(shanghai, upper));
    }

    static void assertDistinct(List<String> codes) {
        List<String> names = new ArrayList<>();
        for (String code : codes) {
            names.add(ReportFileName.of("SITE", code, EN));
        }
        assertThat(new HashSet<>(names)).as(names.toString()).hasSameSizeAs(codes);
        assertThat(new HashSet<>(lowerCase(names))).as("ignoring case: " + names).hasSameSizeAs(codes);
    }

    static Set<String> lowerCase(List<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
