package com.qualityreview.intake;

import com.qualityreview.intake.csv.Column;
import com.qualityreview.intake.csv.FieldType;
import com.qualityreview.intake.job.TargetTable;

import static com.qualityreview.intake.csv.Column.optional;
import static com.qualityreview.intake.csv.Column.required;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The six kinds of input file (SPEC section 2): their columns, rules and the tables they fill.
 * Column lengths the contract leaves open are chosen here and listed in docs/input-formats.md.
 */
public enum ImportKind {

    SITES("sites", List.of(
            required("site_code", new FieldType.Text(32, false)),
            required("name", new FieldType.Text(200, false)),
            required("region_code", new FieldType.Text(32, false)),
            required("region_name", new FieldType.Text(200, false)),
            optional("active", new FieldType.Flag()).defaultingTo(Boolean.TRUE)),
            List.of(TargetTable.of("region", List.of("region_code"),
                    "region_code", "name=region_name"),
                    TargetTable.of("site", List.of("site_code"),
                    "site_code", "name", "region_code", "active"))),

    CRITERIA("criteria", List.of(
            required("criterion_code", new FieldType.Text(32, false)),
            required("name", new FieldType.Text(200, false)),
            required("dimension", FieldType.OneOf.of(Dimension.class)),
            required("points", new FieldType.WholeNumber(1, Integer.MAX_VALUE)),
            required("mandatory_from_star", new FieldType.WholeNumber(0, 5))),
            List.of(TargetTable.of("criterion", List.of("criterion_code"),
                    "criterion_code", "name", "dimension", "points", "mandatory_from_star"))),

    KPI_DEFINITIONS("kpi-definitions", List.of(
            required("kpi_code", new FieldType.Text(32, false)),
            required("name", new FieldType.Text(200, false)),
            required("unit", new FieldType.Text(32, false)),
            required("direction", new FieldType.OneOf(List.of("HIGHER_BETTER", "LOWER_BETTER"))),
            required("target", new FieldType.Decimal(null)),
            required("aggregation", new FieldType.OneOf(List.of("MEAN", "SUM", "MIN", "MAX", "LAST")))),
            List.of(TargetTable.of("kpi_definition", List.of("kpi_code"),
                    "kpi_code", "name", "unit", "direction", "target", "aggregation"))),

    FEEDBACK("feedback", List.of(
            required("feedback_id", new FieldType.Text(64, false)),
            required("site_code", new FieldType.Text(32, false)),
            required("submitted_at", new FieldType.Instant()),
            required("channel", new FieldType.OneOf(List.of("SURVEY", "PHONE", "EMAIL", "APP", "WEB", "IN_PERSON"))),
            optional("csat", new FieldType.WholeNumber(1, 5)),
            optional("nps", new FieldType.WholeNumber(0, 10)),
            optional("reliability", new FieldType.WholeNumber(1, 5)),
            optional("responsiveness", new FieldType.WholeNumber(1, 5)),
            optional("assurance", new FieldType.WholeNumber(1, 5)),
            optional("empathy", new FieldType.WholeNumber(1, 5)),
            optional("tangibles", new FieldType.WholeNumber(1, 5)),
            required("complaint", new FieldType.Flag()),
            optional("category", new FieldType.Text(32, true)),
            optional("first_contact_resolved", new FieldType.Flag()),
            optional("resolution_hours", new FieldType.Decimal(BigDecimal.ZERO)),
            optional("comment", new FieldType.Text(4000, false))),
            List.of(TargetTable.of("feedback", List.of("feedback_id"),
                    "feedback_id", "site_code", "submitted_at",
                    "channel", "csat", "nps", "reliability", "responsiveness", "assurance", "empathy", "tangibles",
                    "complaint", "category", "first_contact_resolved", "resolution_hours", "comment"))),

    AUDITS("audits", List.of(
            required("audit_id", new FieldType.Text(64, false)),
            required("site_code", new FieldType.Text(32, false)),
            required("audited_on", new FieldType.Day()),
            required("audit_type", new FieldType.OneOf(List.of("INTERNAL", "MYSTERY_SHOPPER", "EXTERNAL"))),
            required("auditor", new FieldType.Text(200, false)),
            required("criterion_code", new FieldType.Text(32, false)),
            required("result", new FieldType.OneOf(List.of("PASS", "FAIL", "NA")))),
            List.of(TargetTable.of("audit_item", List.of("audit_id", "criterion_code"),
                    "audit_id", "criterion_code", "site_code", "audited_on", "audit_type", "auditor", "result"))),

    KPIS("kpis", List.of(
            required("site_code", new FieldType.Text(32, false)),
            required("kpi_code", new FieldType.Text(32, false)),
            required("measured_on", new FieldType.Day()),
            required("value", new FieldType.Decimal(null))),
            List.of(TargetTable.of("kpi_measurement", List.of("site_code", "kpi_code", "measured_on"),
                    "site_code", "kpi_code", "measured_on", "measured_value=value")));

    /** SERVQUAL dimensions a criterion belongs to. */
    public enum Dimension { RELIABILITY, RESPONSIVENESS, ASSURANCE, EMPATHY, TANGIBLES }

    private final String fileName;
    private final List<Column> columns;
    private final List<TargetTable> targets;

    ImportKind(String fileName, List<Column> columns, List<TargetTable> targets) {
        this.fileName = fileName;
        this.columns = columns;
        this.targets = targets;
    }

    /** The name used on the command line and as the file-name prefix in the inbound folder. */
    public String fileName() {
        return fileName;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<TargetTable> targets() {
        return targets;
    }

    /**
     * The column that dates a row of this kind (its local date in quality.zone places the row in a
     * period), or null for the reference data, whose rows are undated.
     */
    public String dateColumn() {
        return switch (this) {
            case FEEDBACK -> "submitted_at";
            case AUDITS -> "audited_on";
            case KPIS -> "measured_on";
            case SITES, CRITERIA, KPI_DEFINITIONS -> null;
        };
    }

    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(fileName + " has no column " + name);
    }

    public static Optional<ImportKind> byName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.fileName.equalsIgnoreCase(name)).findFirst();
    }

    /** The kind of that name, or IllegalArgumentException naming the kinds there are. */
    public static ImportKind named(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
    }

    /** What is said of a kind there is not: the name given and the kinds there are. */
    static String unknown(String name) {
        return "unknown kind '" + name + "'; the kinds are " + names();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ImportKind::fileName).toList());
    }
}
