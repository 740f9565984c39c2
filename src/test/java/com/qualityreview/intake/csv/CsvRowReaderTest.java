package com.qualityreview.intake.csv;

import com.qualityreview.intake.ImportKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The load step reads the file the check step counted, or fails: never rows of a file still being written. */
class CsvRowReaderTest {

    static final String CHANGED = "sites.csv: the file changed while it was being read (is it still being written?);"
            + " import it once it is complete";

    @TempDir
    Path folder;

    Path sites() throws Exception {
        return Files.writeString(folder.resolve("sites.csv"), "site_code,name,region_code,region_name\nS1,One,R1,East\n");
    }

    static Throwable innermost(Throwable e) {
        return e.getCause() == null ? e : innermost(e.getCause());
    }

    @Test
    void aFileChangedSinceItWasCheckedFailsBeforeARowIsRead() throws Exception {
        Path file = sites();
        FileState checked = FileState.of(file);
        Files.writeString(file, "S2,Two,R1,East\n", StandardOpenOption.APPEND);
        CsvRowReader reader = new CsvRowReader(file, ImportKind.SITES, checked);

        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .satisfies(e -> assertThat(innermost(e)).isInstanceOf(ImportFileException.class).hasMessage(CHANGED));
    }

    @Test
    void aFileThatGrowsWhileItIsReadFailsAtItsEnd() throws Exception {
        Path file = sites();
        CsvRowReader reader = new CsvRowReader(file, ImportKind.SITES, FileState.of(file));
        reader.open(new ExecutionContext());
        assertThat(reader.read().fields()).containsExactly("S1", "One", "R1", "East");
        Files.writeString(file, "S2,Two,R1,East\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> {
            while (reader.read() != null) {
                // reads on to the end
            }
        }).isInstanceOf(ImportFileException.class).hasMessage(CHANGED);
        reader.close();
    }

    @Test
    void anUnchangedFileIsReadToItsEnd() throws Exception {
        Path file = sites();
        CsvRowReader reader = new CsvRowReader(file, ImportKind.SITES, FileState.of(file));
        reader.open(new ExecutionContext());

        assertThat(reader.read().line()).isEqualTo(2);
        assertThat(reader.read()).isNull();
        reader.close();
    }
}
