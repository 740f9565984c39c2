package com.qualityreview.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PdfReadingTest {

    @Test
    void anEnglishPhraseOfTheReportIsFoundEvenWhenWrappedOverTwoLines() {
        assertThat(PdfReading.englishOutsideData("星级下调 Rating fell\nfrom 4★ to 1★", List.of()))
                .containsExactly("Rating fell from");
    }

    @Test
    void dataValuesAndAllowedAbbreviationsAreNotEnglishOfTheReport() {
        String text = "上海浦东店 Shanghai\nPudong SH-PUDONG · CSAT NPS 均值 · Quality Review · 评论: Great coffee, slow service";

        assertThat(PdfReading.englishOutsideData(text, List.of("Shanghai Pudong", "SH-PUDONG", "Great coffee, slow service")))
                .isEmpty();
    }

    @Test
    void aCutDataValueDoesNotJoinTheWordsAroundItIntoAPhraseNorHideThem() {
        assertThat(PdfReading.englishOutsideData("Late Shanghai delivery", List.of("Shanghai"))).isEmpty();
        assertThat(PdfReading.englishOutsideData("KPI Delivery On time: missed by more than", List.of("Delivery On time")))
                .containsExactly("missed by more than");
    }

    @Test
    void theLatinPartOfABilingualNameIsDataEvenWhenAnotherCellsTextComesBetweenItsParts() {
        String wrappedCells = "SH-PUDONG 上海浦东店 严重 星级下调\nShanghai Pudong 星级由 4★ 降至 1★";

        assertThat(PdfReading.englishOutsideData(wrappedCells, List.of("SH-PUDONG", "上海浦东店 Shanghai Pudong"))).isEmpty();
        assertThat(PdfReading.englishOutsideData(wrappedCells, List.of("SH-PUDONG"))).containsExactly("Shanghai Pudong");
    }
}
