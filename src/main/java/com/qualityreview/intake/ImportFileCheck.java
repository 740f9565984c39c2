package com.qualityreview.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
            lastLine = 1;
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
            throw unreadable(file, e.getCause());
        }
        catch (IOException e) {
            throw unreadable(file, e);
        }
        catch (CsvParseException e) {
            throw new ImportFileException(name + ": not valid CSV: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }

    private static ImportFileException unreadable(Path file, IOException cause) {
        String name = file.getFileName().toString();
        if (cause instanceof CharacterCodingException) {
            return new ImportFileException(name + ": line " + firstMalformedLine(file) + ": the file is not UTF-8 text", cause);
        }
        return new ImportFileException(name + ": cannot read the file: " + cause.getMessage(), cause);
    }

    /**
     * The decoder reads ahead, so the line of the bad bytes is found again at the byte level: a
     * newline byte never occurs inside a multi-byte UTF-8 sequence, so counting them is exact.
     */
    static long firstMalformedLine(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long line = 1;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                int start = in.position();
                CoderResult result = decoder.decode(in, out, end);
                for (int i = start; i < in.position(); i++) {
                    if (in.get(i) == '\n') {
                        line++;
                    }
                }
                if (result.isError()) {
                    return line;
                }
                out.clear();
                in.compact();
            }
        }
        catch (IOException e) {
            return line;
        }
        return line;
    }
}
