package com.qualityreview.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records too long to be a row are cut on the way to the parser ({@link RecordLengthLimit}) wherever
 * the cut falls, and the rows after them keep their fields and line numbers.
 */
class CsvSourceTest {

    static final int LIMIT = RecordLengthLimit.LIMIT;

    @TempDir
    Path folder;

    List<SourceRow> rows(String content) throws IOException {
        Path file = Files.writeString(folder.resolve("rows.csv"), content);
        List<SourceRow> rows = new ArrayList<>();
        try (CsvSource csv = CsvSource.open(file)) {
            for (SourceRow row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aRecordOfTheLimitIsReadWholeAndOneCharacterMoreIsCut() throws Exception {
        List<SourceRow> rows = rows("x".repeat(LIMIT) + "\n" + "y".repeat(LIMIT + 1) + "\nnext,row\n");

        assertThat(rows).extracting(SourceRow::line, SourceRow::cutLength, row -> row.fields()[0].length())
                .containsExactly(tuple(1L, 0L, LIMIT), tuple(2L, (long) LIMIT + 1, LIMIT), tuple(3L, 0L, 4));
        assertThat(rows.get(2).fields()).containsExactly("next", "row");
    }

    @Test
    void aCutRightAfterAClosingQuoteOrASeparatorLeavesTheNextRowIntact() throws Exception {
        List<SourceRow> rows = rows("\"" + "x".repeat(LIMIT - 2) + "\",tail\n"
                + "x".repeat(LIMIT - 1) + ",yy\n"
                + "a,\"b\"\"c\"\n");

        assertThat(rows).extracting(SourceRow::line, SourceRow::cutLength)
                .containsExactly(tuple(1L, (long) LIMIT + 5), tuple(2L, (long) LIMIT + 2), tuple(3L, 0L));
        assertThat(rows.get(2).fields()).containsExactly("a", "b\"c");
    }

    @Test
    void lineBreaksInsideACutRecordStillCountForTheLinesAfterIt() throws Exception {
        String crlfSplitAtTheCut = "\"" + "x".repeat(LIMIT - 2) + "\r\n\n\"\n";            // lines 1-3
        String quotedBreaksAfterTheCut = "a,\"" + "y".repeat(LIMIT) + "\r\n\r\r\n\"\"\nz\"\r\n";  // lines 4-8
        List<SourceRow> rows = rows(crlfSplitAtTheCut + quotedBreaksAfterTheCut + "\"two\nlines\",b\n" + "last,row\n");

        assertThat(rows).extracting(SourceRow::line, SourceRow::cutLength).containsExactly(
                tuple(1L, (long) LIMIT + 3), tuple(4L, (long) LIMIT + 13), tuple(9L, 0L), tuple(11L, 0L));
        assertThat(rows.get(2).fields()).containsExactly("two\nlines", "b");
    }

    @Test
    void aQuoteLeftOpenInACutRecordStillFailsTheFile() {
        assertThatThrownBy(() -> rows("a,b\nc,\"" + "x".repeat(2 * LIMIT)))
                .isInstanceOf(CsvParseException.class).hasMessageContaining("Unclosed quoted field");
    }

    @Test
    void aCutRecordAtTheEndOfTheFileWithoutALineBreakIsARow() throws Exception {
        assertThat(rows("a,b\n" + "x".repeat(LIMIT + 10))).extracting(SourceRow::line, SourceRow::cutLength)
                .containsExactly(tuple(1L, 0L), tuple(2L, (long) LIMIT + 10));
    }
}
