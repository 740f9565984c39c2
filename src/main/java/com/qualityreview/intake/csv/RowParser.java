package com.qualityreview.intake.csv;

import com.qualityreview.intake.ImportKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Applies every rule of SPEC section 2 to one row. A row either passes all of them or is rejected
 * with every reason found, never half-stored. Fields are trimmed, except free-text comments.
 */
public class RowParser implements ItemProcessor<SourceRow, ParsedRow> {

    static final int MAX_ROW_BYTES = 64 * 1024;
    static final int MAX_RAW_RECORD_CHARS = 65_536;

    private final ImportKind kind;
    private final Supplier<Header> headerSource;
    private Header header;
    private final ReferenceCodes references;
    private final int siteColumn;
    private final int criterionColumn;
    private final int kpiColumn;
    private final int complaintColumn;
    private final int categoryColumn;
    /** The column that dates a row, -1 for the undated reference data. */
    private final int dateColumn;

    /** The header comes from the reader, which knows it only once the step has opened the file. */
    public RowParser(ImportKind kind, Supplier<Header> headerSource, ReferenceCodes references) {
        this.kind = kind;
        this.headerSource = headerSource;
        this.references = references;
        boolean fact = kind == ImportKind.FEEDBACK || kind == ImportKind.AUDITS || kind == ImportKind.KPIS;
        this.siteColumn = fact ? kind.columnIndex("site_code") : -1;
        this.criterionColumn = kind == ImportKind.AUDITS ? kind.columnIndex("criterion_code") : -1;
        this.kpiColumn = kind == ImportKind.KPIS ? kind.columnIndex("kpi_code") : -1;
        this.complaintColumn = kind == ImportKind.FEEDBACK ? kind.columnIndex("complaint") : -1;
        this.categoryColumn = kind == ImportKind.FEEDBACK ? kind.columnIndex("category") : -1;
        this.dateColumn = kind.dateColumn() == null ? -1 : kind.columnIndex(kind.dateColumn());
    }

    @Override
    public ParsedRow process(SourceRow row) {
        if (header == null) {
            header = headerSource.get();
        }
        String[] fields = row.fields();
        if (row.cutLength() > 0) {
            return reject(row, null, "row is " + row.cutLength() + " characters long in the file; at most "
                    + MAX_ROW_BYTES + " bytes are allowed");
        }
        if (fields.length != header.fieldCount()) {
            return reject(row, null, "row has " + fields.length + " fields but the header has " + header.fieldCount());
        }
        long bytes = utf8Length(fields);
        if (bytes > MAX_ROW_BYTES) {
            return reject(row, null, "row is " + bytes + " bytes long; at most " + MAX_ROW_BYTES + " are allowed");
        }
        List<Column> columns = kind.columns();
        Object[] values = new Object[columns.size()];
        List<String[]> problems = new ArrayList<>(0);
        for (int c = 0; c < values.length; c++) {
            Column column = columns.get(c);
            int position = header.positions()[c];
            String text = position < 0 ? "" : fields[position];
            int control = controlCharacter(text);
            if (control >= 0) {
                problems.add(new String[] {column.name(), String.format("contains the control character U+%04X at character %d"
                        + " (only tab and line breaks are allowed)", (int) text.charAt(control), text.codePointCount(0, control) + 1)});
                continue;
            }
            if (!column.name().equals("comment")) {
                text = text.strip();
            }
            if (text.isEmpty()) {
                if (column.required()) {
                    problems.add(new String[] {column.name(), "is required"});
                }
                values[c] = column.defaultValue();
                continue;
            }
            try {
                values[c] = column.type().parse(text);
            }
            catch (FieldException e) {
                problems.add(new String[] {column.name(), e.getMessage()});
            }
        }
        checkReferences(values, problems);
        if (problems.isEmpty()) {
            return new ParsedRow.Accepted(row.line(), values);
        }
        StringBuilder reason = new StringBuilder();
        for (String[] problem : problems) {
            if (!reason.isEmpty()) {
                reason.append("; ");
            }
            reason.append(problem[0]).append(": ").append(problem[1]);
        }
        // A date column with a problem left its value null: the reject is then undated.
        return new ParsedRow.Rejected(row.line(), problems.get(0)[0], reason.toString(), rawRecord(fields),
                dateColumn < 0 ? null : values[dateColumn]);
    }

    private void checkReferences(Object[] values, List<String[]> problems) {
        if (complaintColumn >= 0 && Boolean.TRUE.equals(values[complaintColumn]) && values[categoryColumn] == null
                && problems.stream().noneMatch(problem -> problem[0].equals("category"))) {
            problems.add(new String[] {"category", "is required when complaint is true"});
        }
        unknown(values, siteColumn, references.sites(), "site", problems);
        unknown(values, criterionColumn, references.criteria(), "criterion", problems);
        unknown(values, kpiColumn, references.kpis(), "KPI", problems);
    }

    private void unknown(Object[] values, int column, Set<String> known, String what, List<String[]> problems) {
        if (column >= 0 && values[column] != null && !known.contains((String) values[column])) {
            problems.add(new String[] {kind.columns().get(column).name(),
                    "'" + values[column] + "' is not a known " + what + " (import the reference data first)"});
        }
    }

    /** A row rejected as a whole: its fields cannot be told apart, so it has no usable date. */
    private static ParsedRow.Rejected reject(SourceRow row, String column, String reason) {
        return new ParsedRow.Rejected(row.line(), column, reason, rawRecord(row.fields()), null);
    }

    /**
     * The first C0 control character other than tab, CR and LF, or -1. PostgreSQL cannot store NUL
     * in text at all, HSQLDB can; the others are never meant as data. Checked before trimming,
     * which would silently drop some of them.
     */
    static int controlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < ' ' && c != '\t' && c != '\n' && c != '\r';
    }

    /** Rows rarely come near the limit, so the exact UTF-8 length is only counted when it might. */
    private static long utf8Length(String[] fields) {
        long chars = fields.length;
        for (String field : fields) {
            chars += field.length();
        }
        if (chars * 3 <= MAX_ROW_BYTES) {
            return chars;
        }
        long bytes = fields.length - 1;
        for (String field : fields) {
            bytes += field.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    /**
     * The row as CSV text again, for the rejects file, cut at 64 Ki characters. Control characters
     * become their visible symbols (NUL as U+2400) so that the reject can be stored on any database.
     */
    static String rawRecord(String[] fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length && line.length() <= MAX_RAW_RECORD_CHARS; i++) {
            if (i > 0) {
                line.append(',');
            }
            String field = fields[i];
            if (controlCharacter(field) >= 0) {
                StringBuilder visible = new StringBuilder(field.length());
                for (int c = 0; c < field.length(); c++) {
                    char character = field.charAt(c);
                    visible.append(isControl(character) ? (char) ('\u2400' + character) : character);
                }
                field = visible.toString();
            }
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            }
            else {
                line.append(field);
            }
        }
        if (line.length() <= MAX_RAW_RECORD_CHARS) {
            return line.toString();
        }
        // Never half a surrogate pair: it could not be stored as UTF-8.
        int end = Character.isHighSurrogate(line.charAt(MAX_RAW_RECORD_CHARS - 1)) ? MAX_RAW_RECORD_CHARS - 1 : MAX_RAW_RECORD_CHARS;
        return line.substring(0, end);
    }
}
