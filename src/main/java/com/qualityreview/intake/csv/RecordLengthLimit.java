package com.qualityreview.intake.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sits between the UTF-8 decoder and the CSV parser and cuts every record longer than
 * {@link #LIMIT} characters. The parser would otherwise buffer a huge row whole and, past its
 * buffer, fail the file with a message about quoting. A cut record reaches the parser as its first
 * {@code LIMIT} characters with any quote closed, and is remembered so that its row is rejected as
 * over the size limit. The rest of the file is read as usual.
 *
 * <p>It follows RFC 4180 exactly as FastCSV's strict parser does (a quote opens a quoted field only
 * at the start of a field; CR, LF and CRLF are one line break), so both agree on where records
 * start. Line breaks of a cut record that are dropped are counted, so that line numbers after it
 * can be put right ({@link CsvSource}).
 */
final class RecordLengthLimit extends Reader {

    /**
     * Any record longer than this is over the 64 KiB row limit: a row's size counts at least one
     * byte per character of its fields plus the separators, and quoting at most triples that.
     */
    static final int LIMIT = 4 * RowParser.MAX_ROW_BYTES;

    /** A record that was cut: where the parser saw it start, its length and the line breaks not passed on. */
    record Cut(long parserLine, long characters, long droppedLineBreaks) {
    }

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int AFTER_QUOTE = 3;

    private final Reader in;
    private final char[] input = new char[16 * 1024];
    /** Up to two characters more than were read: the quote opened when a record is cut. */
    private final char[] output = new char[input.length + 2];
    private int outputStart;
    private int outputEnd;
    private boolean endOfInput;

    private final Deque<Cut> cuts = new ArrayDeque<>();
    private int state = FIELD_START;
    private boolean lastWasCr;
    private long recordCharacters;
    private boolean cutting;
    /** Line breaks the parser has seen, plus one: the parser's line number. */
    private long parserLine = 1;
    private long recordParserLine = 1;
    private long droppedLineBreaks;

    RecordLengthLimit(Reader in) {
        this.in = in;
    }

    /** The records cut so far and not yet taken, in file order. */
    Deque<Cut> cuts() {
        return cuts;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (outputStart == outputEnd) {
            if (endOfInput) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, outputEnd - outputStart);
        System.arraycopy(output, outputStart, buffer, offset, n);
        outputStart += n;
        return n;
    }

    private void fill() throws IOException {
        outputStart = 0;
        outputEnd = 0;
        int n = in.read(input, 0, input.length);
        if (n < 0) {
            endOfInput = true;
            if (cutting) {
                // An unclosed quote is left unclosed, so the parser fails the file for what it is.
                endCut(state != QUOTED);
            }
            return;
        }
        if (!cutting && recordCharacters + n <= LIMIT) {
            // No record can reach the limit within these characters: pass them on whole, follow the quotes only.
            System.arraycopy(input, 0, output, 0, n);
            outputEnd = n;
            follow(n);
            return;
        }
        for (int i = 0; i < n; i++) {
            take(input[i]);
        }
    }

    /** {@link #take} without cutting or passing on: the same states, in local variables for speed. */
    private void follow(int n) {
        int lState = state;
        boolean lCr = lastWasCr;
        long lCharacters = recordCharacters;
        long lLine = parserLine;
        long lRecordLine = recordParserLine;
        for (int i = 0; i < n; i++) {
            char c = input[i];
            if (c == '\n' || c == '\r') {
                boolean lineBreak = c == '\r' || !lCr;
                lCr = c == '\r';
                if (lState != QUOTED) {
                    if (lineBreak) {
                        lLine++;
                        lRecordLine = lLine;
                        lState = FIELD_START;
                        lCharacters = 0;
                    }
                    continue;
                }
                lCharacters++;
                if (lineBreak) {
                    lLine++;
                }
                continue;
            }
            lCr = false;
            lCharacters++;
            if (c == '"') {
                lState = lState == FIELD_START || lState == AFTER_QUOTE ? QUOTED : lState == QUOTED ? AFTER_QUOTE : UNQUOTED;
            }
            else if (c == ',') {
                lState = lState == QUOTED ? QUOTED : FIELD_START;
            }
            else if (lState != QUOTED) {
                lState = UNQUOTED;
            }
        }
        state = lState;
        lastWasCr = lCr;
        recordCharacters = lCharacters;
        parserLine = lLine;
        recordParserLine = lRecordLine;
    }

    private void take(char c) {
        if (c == '\n' || c == '\r') {
            boolean lineBreak = c == '\r' || !lastWasCr;
            lastWasCr = c == '\r';
            if (state != QUOTED) {
                if (lineBreak) {
                    // The end of the record (or an empty line).
                    if (cutting) {
                        endCut(true);
                    }
                    parserLine++;
                    recordParserLine = parserLine;
                    state = FIELD_START;
                    recordCharacters = 0;
                }
                // else the LF of a CRLF that ended the record before: the parser skips it too.
                output[outputEnd++] = c;
                return;
            }
            count(c);
            if (lineBreak) {
                if (cutting) {
                    droppedLineBreaks++;
                }
                else {
                    parserLine++;
                }
            }
            return;
        }
        lastWasCr = false;
        count(c);
        if (c == '"') {
            state = state == FIELD_START || state == AFTER_QUOTE ? QUOTED : state == QUOTED ? AFTER_QUOTE : UNQUOTED;
        }
        else if (c == ',') {
            state = state == QUOTED ? QUOTED : FIELD_START;
        }
        else if (state != QUOTED) {
            state = UNQUOTED;
        }
    }

    /** Counts a character of the current record and passes it on unless the record is being cut. */
    private void count(char c) {
        recordCharacters++;
        if (!cutting && recordCharacters > LIMIT) {
            startCut();
        }
        if (!cutting) {
            output[outputEnd++] = c;
        }
    }

    /** From here the parser gets nothing of this record but an open quoted field, closed at its end. */
    private void startCut() {
        cutting = true;
        droppedLineBreaks = 0;
        if (state == FIELD_START) {
            output[outputEnd++] = '"';
        }
        else if (state != QUOTED) {
            output[outputEnd++] = ',';
            output[outputEnd++] = '"';
        }
    }

    private void endCut(boolean closeQuote) {
        if (closeQuote) {
            output[outputEnd++] = '"';
        }
        cuts.addLast(new Cut(recordParserLine, recordCharacters, droppedLineBreaks));
        cutting = false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
