package com.qualityreview.intake.csv;

import com.qualityreview.intake.ImportKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each of a kind's columns stands in one file's header. Names match case-insensitively and
 * in any order; a column the kind does not know, a repeated column or a missing required column
 * makes the whole file unusable.
 */
public record Header(ImportKind kind, int[] positions, int fieldCount) {

    private static final List<Map.Entry<String, String>> SEPARATORS = List.of(Map.entry(";", "';' (semicolons)"),
            Map.entry("\t", "tabs"), Map.entry("|", "'|' (vertical bars)"));

    static Header of(ImportKind kind, List<String> names, String fileName) {
        Map<String, Integer> byName = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (i == 0 && !name.isEmpty() && name.charAt(0) == CsvSource.BOM) {
                name = name.substring(1);
            }
            name = name.strip().toLowerCase(Locale.ROOT);
            if (byName.putIfAbsent(name, i) != null) {
                repeated.add(name);
            }
        }
        for (Map.Entry<String, Integer> entry : byName.entrySet()) {
            String name = entry.getKey();
            if (kind.columns().stream().noneMatch(column -> column.name().equals(name))) {
                unknown.add(name.isEmpty() ? "(empty name in position " + (entry.getValue() + 1) + ")" : name);
            }
        }
        int[] positions = new int[kind.columns().size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < positions.length; c++) {
            Column column = kind.columns().get(c);
            positions[c] = byName.getOrDefault(column.name(), -1);
            if (positions[c] < 0 && column.required()) {
                missing.add(column.name());
            }
        }
        List<String> problems = new ArrayList<>();
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            problems.add("unknown column(s) " + String.join(", ", unknown));
        }
        if (!repeated.isEmpty()) {
            problems.add("repeated column(s) " + String.join(", ", repeated));
        }
        if (!missing.isEmpty()) {
            problems.add("missing required column(s) " + String.join(", ", missing));
        }
        String separator = names.size() == 1 ? otherSeparator(kind, names.get(0)) : null;
        if (separator != null) {
            problems.add("the header is separated by " + separator + ", but input files must be separated by commas");
        }
        if (!problems.isEmpty()) {
            throw new ImportFileException(fileName + ": line 1 (header) is not a valid " + kind.fileName() + " header: "
                    + String.join("; ", problems) + ". Expected columns: "
                    + String.join(", ", kind.columns().stream().map(Column::name).toList()));
        }
        return new Header(kind, positions, names.size());
    }

    /**
     * A spreadsheet saved with another list separator gives one long name: if splitting it at ';',
     * tab or '|' gives a column of this kind, that separator is named, which says more than "unknown column".
     */
    private static String otherSeparator(ImportKind kind, String name) {
        for (Map.Entry<String, String> separator : SEPARATORS) {
            if (name.contains(separator.getKey())) {
                for (String part : name.split(Pattern.quote(separator.getKey()))) {
                    String candidate = part.replace(String.valueOf(CsvSource.BOM), "").strip().toLowerCase(Locale.ROOT);
                    if (kind.columns().stream().anyMatch(column -> column.name().equals(candidate))) {
                        return separator.getValue();
                    }
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return kind + Arrays.toString(positions);
    }
}
