package com.qualityreview.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads a whole input file once before anything is stored, so that a file which is not UTF-8 CSV,
 * is empty or has the wrong columns fails with one clear message and leaves nothing behind. It
 * also counts the rows, which progress reporting and the final count check use.
 */
final class ImportFileCheck {

    private ImportFileCheck() {
    }

    /** @return the number of data rows */
    static long check(Path file, ImportKind kind) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new ImportFileException(name + ": no such file (" + file.toAbsolutePath() + ")");
        }
        long lastLine = 0;
        try (CsvReader<CsvRecord> csv = CsvSource.open(file)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw new ImportFileException(name + ": the file is empty (no header row)");
            }
            CsvRecord headerRecord = records.next();
            if (headerRecord.getFields().stream().anyMatch(field -> field.indexOf('\0') >= 0)) {
                throw new ImportFileException(name + ": line 1: the file is not UTF-8 text (it contains NUL characters; UTF-16 perhaps?)");
            }
            Header.of(kind, headerRecord.getFields(), name);
            long rows = 0;
            while (records.hasNext()) {
                lastLine = records.next().getStartingLineNumber();
                rows++;
            }
            return rows;
        }
        catch (NoSuchFileException e) {
            throw new ImportFileException(name + ": no such file (" + file.toAbsolutePath() + ")", e);
        }
        catch (UncheckedIOException e) {
            throw unreadable(name, lastLine, e.getCause());
        }
        catch (IOException e) {
            throw unreadable(name, lastLine, e);
        }
        catch (CsvParseException e) {
            throw new ImportFileException(name + ": not valid CSV after line " + lastLine + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }

    private static ImportFileException unreadable(String name, long lastLine, IOException cause) {
        if (cause instanceof CharacterCodingException) {
            return new ImportFileException(name + ": the file is not UTF-8 text (bad bytes after line " + lastLine + ")", cause);
        }
        return new ImportFileException(name + ": cannot read the file: " + cause.getMessage(), cause);
    }
}
