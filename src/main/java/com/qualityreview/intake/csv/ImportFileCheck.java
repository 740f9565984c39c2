package com.qualityreview.intake.csv;

import com.qualityreview.intake.ImportKind;

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
import java.util.Arrays;

import de.siegmar.fastcsv.reader.CsvParseException;

/**
 * Reads a whole input file once before anything is stored, so that a file which is not UTF-8 CSV,
 * is empty or has the wrong columns fails with one clear message and leaves nothing behind. It
 * also counts the rows, which progress reporting and the final count check use, and notes the
 * file's size and time, so that the load step can tell it reads the same file.
 */
public final class ImportFileCheck {

    private ImportFileCheck() {
    }

    /** What the check found: the number of data rows, and the state of the file it read them from. */
    public record Checked(long rows, FileState state) {
    }

    public static Checked check(Path file, ImportKind kind) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new ImportFileException(name + ": no such file (" + file.toAbsolutePath() + ")");
        }
        FileState before = FileState.of(file);
        try (CsvSource csv = CsvSource.open(file)) {
            SourceRow headerRow = csv.next();
            if (headerRow == null) {
                throw new ImportFileException(name + ": the file is empty (no header row)");
            }
            header(headerRow, kind, name);
            long rows = 0;
            while (csv.next() != null) {
                rows++;
            }
            // A writer that is still appending would leave rows the load step reads but the count lacks.
            if (!before.equals(FileState.of(file))) {
                throw FileState.changed(file);
            }
            return new Checked(rows, before);
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

    /** The header row as the kind's columns; a header that is not one fails the file. */
    static Header header(SourceRow headerRow, ImportKind kind, String name) {
        if (headerRow.cutLength() > 0) {
            throw new ImportFileException(name + ": line 1 (header) is " + headerRow.cutLength()
                    + " characters long; it is not a header of " + kind.fileName());
        }
        if (Arrays.stream(headerRow.fields()).anyMatch(field -> field.indexOf('\0') >= 0)) {
            throw new ImportFileException(name + ": line 1: the file is not UTF-8 text (it contains NUL characters; UTF-16 perhaps?)");
        }
        return Header.of(kind, Arrays.asList(headerRow.fields()), name);
    }

    private static ImportFileException unreadable(Path file, IOException cause) {
        String name = file.getFileName().toString();
        if (cause instanceof CharacterCodingException) {
            Malformed at = firstMalformed(file);
            return new ImportFileException(name + ": line " + at.line() + ": the file is not UTF-8 text (byte "
                    + String.format("0x%02X", at.value()) + " at offset " + at.offset() + ")", cause);
        }
        return new ImportFileException(name + ": cannot read the file: " + cause.getMessage(), cause);
    }

    /** The first byte that is not UTF-8: its line, its offset from the start of the file (from 0) and its value. */
    record Malformed(long line, long offset, int value) {
    }

    /**
     * The decoder reads ahead, so the bad bytes are found again at the byte level: a newline byte
     * never occurs inside a multi-byte UTF-8 sequence, so counting them gives the exact line.
     */
    static Malformed firstMalformed(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long line = 1;
        long offset = 0;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                for (int i = 0; i < in.position(); i++) {
                    if (in.get(i) == '\n') {
                        line++;
                    }
                }
                if (result.isError()) {
                    return new Malformed(line, offset + in.position(), in.get(in.position()) & 0xFF);
                }
                offset += in.position();
                out.clear();
                in.compact();
            }
        }
        catch (IOException e) {
            return new Malformed(line, offset, 0);
        }
        return new Malformed(line, offset, 0);
    }
}
