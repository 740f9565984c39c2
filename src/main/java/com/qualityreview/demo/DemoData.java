package com.qualityreview.demo;

import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.metrics.QualityIndexWeights;
import com.qualityreview.review.rating.RatingScheme;
import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Writes the bundled demo data: six CSV files in the formats of SPEC section 2, for 40 sites in
 * five regions over the 13 months ending with a given month, so that 12-period trends are full.
 *
 * <p>The output is deterministic (fixed {@link #SEED}; identical bytes for the same latest month)
 * and small enough to import in seconds (about 27,000 feedback rows, 4,000 audit items, 7,000 KPI
 * rows). Files are UTF-8 without BOM, comma separated, CRLF line ends, RFC 4180 quoting (some
 * comments contain commas, quotes and line breaks on purpose).
 *
 * <p>The reference data (regions, sites and their quality profiles, criteria, KPI definitions,
 * the customers' comments, auditors) are CSV files under {@code src/main/resources/demo/}, see
 * {@link DemoReference}; {@link DemoGenerator} makes the feedback, audit and KPI rows from them and
 * {@link DemoBadRows} adds the bad ones.
 *
 * <p><b>Designed ratings.</b> Every site follows a quality profile, one tier a month (column
 * profile of sites.csv). Each site-month is generated, rated with the domain logic
 * ({@link RatingScheme#defaultScheme()}, {@link QualityIndexWeights#DEFAULT}) and regenerated
 * from the next random draws until it gets the rating of its profile, so that in the latest month
 * the ratings cover 0 to 5 stars and UNRATED, with these situations:
 * <ul>
 *   <li>XM-ZHONGSHAN: 4 → 2 stars (two-level downgrade, SEVERE), with a complaint spike
 *       (rate at least doubled, ≥ 5 complaints) and the KPI AVG_WAIT_MIN missed by more than 20 %;</li>
 *   <li>BJ-SANLITUN: 4 → 1 star, its audit FAILs the mandatory criterion HYGIENE (MANDATORY_FAILED);</li>
 *   <li>NB-TIANYI 4 → 3 and SYD-CBD 1 → 0 (one-level downgrades);</li>
 *   <li>SH-JINGAN 4 → 5, SZ-GUANQIAN 3 → 4, TJ-HEPING 2 → 3 (upgrades);</li>
 *   <li>SH-HONGQIAO-POP (new pop-up, second month) and GY-HUAGUOYUAN (small store) are UNRATED
 *       (fewer than 30 feedback rows); HZ-XIXI closed four months ago (active = false, no rows since).</li>
 * </ul>
 * Rated sites get a full audit (all eight criteria) every month, so 4- and 5-star sites have all
 * mandatory criteria assessed.
 *
 * <p><b>Deliberately bad rows</b> ({@value #BAD_FEEDBACK_ROWS} + {@value #BAD_AUDIT_ROWS} +
 * {@value #BAD_KPI_ROWS} = 18, listed in {@link DemoBadRows}), all dated in the latest month, so
 * that the import shows rejections.
 *
 * <p>Besides, a few valid rows exercise lenient rules: complaint categories in lower or mixed case
 * (stored upper-case), empty optional scores, timestamps in Z and in the sites' own offsets (a
 * feedback belongs to its month in UTC, which the generator respects), quoted comments with commas,
 * quotes and line breaks, emoji, Japanese and French comments.
 */
public final class DemoData {

    /** Seed of the single {@link Random} behind all data. */
    public static final long SEED = 20_260_101L;
    /** Months of data, ending with the latest month. */
    public static final int MONTHS = 13;
    public static final int BAD_FEEDBACK_ROWS = 12;
    public static final int BAD_AUDIT_ROWS = 3;
    public static final int BAD_KPI_ROWS = 3;

    public static final List<String> SITES_COLUMNS = List.of("site_code", "name", "region_code", "region_name", "active");
    public static final List<String> CRITERIA_COLUMNS = List.of("criterion_code", "name", "dimension", "points",
            "mandatory_from_star");
    public static final List<String> KPI_DEFINITIONS_COLUMNS = List.of("kpi_code", "name", "unit", "direction", "target",
            "aggregation");
    public static final List<String> FEEDBACK_COLUMNS = List.of("feedback_id", "site_code", "submitted_at", "channel",
            "csat", "nps", "reliability", "responsiveness", "assurance", "empathy", "tangibles", "complaint", "category",
            "first_contact_resolved", "resolution_hours", "comment");
    public static final List<String> AUDITS_COLUMNS = List.of("audit_id", "site_code", "audited_on", "audit_type",
            "auditor", "criterion_code", "result");
    public static final List<String> KPIS_COLUMNS = List.of("site_code", "kpi_code", "measured_on", "value");

    private DemoData() {
    }

    /**
     * Writes sites.csv, criteria.csv, kpi-definitions.csv, feedback.csv, audits.csv and kpis.csv
     * into {@code folder} (created if missing; existing files are replaced), with the 13 months
     * ending with {@code latestMonth}.
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static DemoFiles writeTo(Path folder, YearMonth latestMonth) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(latestMonth, "latestMonth");
        DemoReference reference = DemoReference.bundled();
        DemoGenerator.Generated g = new DemoGenerator(reference, latestMonth).run();
        try {
            Files.createDirectories(folder);
            DemoFiles files = new DemoFiles(folder.resolve("sites.csv"), folder.resolve("criteria.csv"),
                    folder.resolve("kpi-definitions.csv"), folder.resolve("feedback.csv"), folder.resolve("audits.csv"),
                    folder.resolve("kpis.csv"));
            write(files.sites(), SITES_COLUMNS, sitesRows(reference));
            write(files.criteria(), CRITERIA_COLUMNS, criteriaRows(reference));
            write(files.kpiDefinitions(), KPI_DEFINITIONS_COLUMNS, kpiDefinitionRows(reference));
            write(files.feedback(), FEEDBACK_COLUMNS, g.feedback());
            write(files.audits(), AUDITS_COLUMNS, g.audits());
            write(files.kpis(), KPIS_COLUMNS, g.kpis());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo data to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (CsvWriter w = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
            w.writeRecord(header);
            for (List<String> row : rows) {
                w.writeRecord(row);
            }
        }
    }

    private static List<List<String>> sitesRows(DemoReference reference) {
        List<List<String>> rows = new ArrayList<>();
        for (DemoReference.Site s : reference.sites()) {
            rows.add(List.of(s.code(), s.name(), s.region().code(), s.region().name(), String.valueOf(s.active())));
        }
        return rows;
    }

    private static List<List<String>> criteriaRows(DemoReference reference) {
        List<List<String>> rows = new ArrayList<>();
        for (Criterion c : reference.criteria()) {
            rows.add(List.of(c.code(), c.name(), c.dimension().name(), String.valueOf(c.points()),
                    String.valueOf(c.mandatoryFromStar())));
        }
        return rows;
    }

    private static List<List<String>> kpiDefinitionRows(DemoReference reference) {
        List<List<String>> rows = new ArrayList<>();
        for (KpiDefinition k : reference.kpis()) {
            rows.add(List.of(k.code(), k.name(), k.unit(), k.direction().name(), k.target().toPlainString(),
                    k.aggregation().name()));
        }
        return rows;
    }
}
