package com.qualityreview.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;

import de.siegmar.fastcsv.writer.CsvWriter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.io.UncheckedIOException;

/** CSV cells a spreadsheet would run as formulas (OWASP "CSV injection") come out as plain text. */
class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=2+5*cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(1+1)", "\t=1", "\r=1", "-", "=", "+A1", "-8.5x"})
    void aTextCellThatStartsLikeAFormulaGetsAQuotePrefix(String text) {
        assertThat(CsvCells.text(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-8.5", "+3", "-12", "-0.000001", "-1.5E3", "+.5", "S001", "ORG", "", "2026-10", "a=b", "'quoted already"})
    void numbersAndOrdinaryTextStayAsTheyAre(String text) {
        assertThat(CsvCells.text(text)).isEqualTo(text);
    }

    @Test
    void aNullCellStaysNull() {
        assertThat(CsvCells.text(null)).isNull();
    }

    @Test
    void theWriterQuotesNeutralisedCellsAndLeavesOthersAlone() {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvCells.writer().build(out)) {
            csv.writeRecord(CsvCells.text("@SUM(1+1)"), "-8.5", CsvCells.text("-8.5"), CsvCells.text("S001"),
                    CsvCells.text("=HYPERLINK(\"x\")"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(out.toString()).isEqualTo("\"'@SUM(1+1)\",-8.5,-8.5,S001,\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    }
}
