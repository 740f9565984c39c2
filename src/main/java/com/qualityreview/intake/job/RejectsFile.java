package com.qualityreview.intake.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import com.qualityreview.system.CsvCells;

import de.siegmar.fastcsv.writer.CsvWriter;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code <file>.rejects.csv} beside the input from the rejected rows stored in the database,
 * so the file is complete even when the import was restarted. Written to a temporary file of its own
 * and moved into place; a stale rejects file is removed when the import rejected nothing. Cells a
 * spreadsheet would run as formulas are written as text ({@link CsvCells}).
 */
public final class RejectsFile {

    private static final String SELECT_REJECTED_ROWS = """
            SELECT line_number, column_name, reason, raw_record FROM rejected_row
            WHERE job_instance_id = ? ORDER BY line_number""";

    private RejectsFile() {
    }

    public static Path pathFor(Path input) {
        return input.resolveSibling(input.getFileName() + ".rejects.csv");
    }

    static Path write(JdbcTemplate jdbc, long jobInstanceId, Path input, long rejected) {
        Path target = pathFor(input);
        // Its own name: two imports of the same file may write at once, and the later move wins whole.
        Path temporary = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            if (rejected == 0) {
                Files.deleteIfExists(target);
                return null;
            }
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 CsvWriter csv = CsvCells.writer().build(out)) {
                csv.writeRecord("file", "line", "column", "reason", "record");
                String fileName = CsvCells.text(input.getFileName().toString());
                jdbc.query(SELECT_REJECTED_ROWS, row -> {
                    String column = row.getString(2);
                    csv.writeRecord(fileName, Long.toString(row.getLong(1)), column == null ? "" : CsvCells.text(column),
                            CsvCells.text(row.getString(3)), CsvCells.text(row.getString(4)));
                }, jobInstanceId);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        finally {
            deleteQuietly(temporary);
        }
    }

    /** A failed write leaves no temporary file behind; after a move there is none to delete. */
    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        }
        catch (IOException e) {
            // The import's outcome matters more than a stray temporary file.
        }
    }
}
