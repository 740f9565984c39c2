package com.qualityreview.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.qualityreview.review.Period;
import com.qualityreview.review.PeriodKind;
import com.qualityreview.review.metrics.AuditResult;
import com.qualityreview.review.AuditStats;
import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.metrics.DataIncomplete;
import com.qualityreview.review.metrics.Dimension;
import com.qualityreview.review.metrics.FeedbackFact;
import com.qualityreview.review.FeedbackStats;
import com.qualityreview.review.KpiAggregation;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.KpiDirection;
import com.qualityreview.review.metrics.KpiResult;
import com.qualityreview.review.KpiStats;
import com.qualityreview.review.metrics.QualityIndexWeights;
import com.qualityreview.review.metrics.ScopeFigures;
import com.qualityreview.review.rating.Rating;
import com.qualityreview.review.rating.RatingScheme;
import com.qualityreview.review.rating.StarRater;
import com.qualityreview.review.rating.Warning;
import com.qualityreview.review.rating.WarningType;
import com.qualityreview.review.rating.Warnings;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * Writes the demo data, reads it back with FastCSV, validates every row the way the import does
 * (SPEC section 2) and rates every site for the latest and the previous month with the domain
 * logic (feedback by submitted_at in UTC, audits and KPIs by date).
 */
class DemoDataTest {

    private static final YearMonth LATEST = YearMonth.of(2026, 6);
    private static final Period LATEST_PERIOD = Period.month(2026, 6);
    private static final Period PREVIOUS_PERIOD = LATEST_PERIOD.previous();
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Set<String> CHANNELS = Set.of("SURVEY", "PHONE", "EMAIL", "APP", "WEB", "IN_PERSON");
    private static final Set<String> AUDIT_TYPES = Set.of("INTERNAL", "MYSTERY_SHOPPER", "EXTERNAL");

    @TempDir
    static Path dir;

    private static DemoFiles files;
    private static Loaded data;
    private static Map<String, ScopeFigures> latestFigures;
    private static Map<String, ScopeFigures> previousFigures;
    private static Map<String, Rating> latestRatings;
    private static Map<String, Rating> previousRatings;

    // ------------------------------------------------------------------ reading and validating

    record Site(String code, String name, String regionCode, String regionName, boolean active) {
    }

    record Feedback(String siteCode, Instant submittedAt, FeedbackFact fact, String comment) {
    }

    record AuditItem(String auditId, String siteCode, LocalDate auditedOn, String criterionCode, AuditResult result) {
    }

    record KpiRow(String siteCode, String kpiCode, LocalDate measuredOn, BigDecimal value) {
    }

    record Loaded(Map<String, Site> sites, Map<String, Criterion> criteria, Map<String, KpiDefinition> kpis,
                  List<Feedback> feedback, List<AuditItem> audits, List<KpiRow> kpiRows, List<String> rejected,
                  int feedbackRows, int auditRows, int kpiRowsRead) {

        long rejectedIn(String file) {
            return rejected.stream().filter(r -> r.startsWith(file + ":")).count();
        }
    }

    private static List<NamedCsvRecord> read(Path file, List<String> expectedHeader) throws IOException {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file)) {
            List<NamedCsvRecord> records = reader.stream().toList();
            assertThat(records).as(file.getFileName().toString()).isNotEmpty();
            assertThat(records.get(0).getHeader()).as("header of " + file.getFileName()).isEqualTo(expectedHeader);
            return records;
        }
    }

    private static String opt(NamedCsvRecord r, String column) {
        String v = r.getField(column);
        return v.isEmpty() ? null : v;
    }

    private static String req(NamedCsvRecord r, String column) {
        String v = opt(r, column);
        if (v == null) {
            throw new IllegalArgumentException(column + " is required");
        }
        return v;
    }

    private static Integer intIn(NamedCsvRecord r, String column, int min, int max) {
        String v = opt(r, column);
        if (v == null) {
            return null;
        }
        int i = Integer.parseInt(v);
        if (i < min || i > max) {
            throw new IllegalArgumentException(column + " must be " + min + " to " + max + ", got " + i);
        }
        return i;
    }

    private static Boolean bool(String column, String v) {
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(column + " must be true or false, got " + v);
        };
    }

    private static String known(String column, String value, Map<String, ?> known) {
        if (!known.containsKey(value)) {
            throw new IllegalArgumentException("unknown " + column + " " + value);
        }
        return value;
    }

    private static String oneOf(String column, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(column + " " + value + " is not one of " + allowed);
        }
        return value;
    }

    private static String maxLength(String column, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(column + " longer than " + max);
        }
        return value;
    }

    private static Feedback feedback(NamedCsvRecord r, Loaded ref) {
        maxLength("feedback_id", req(r, "feedback_id"), 64);
        String site = known("site_code", req(r, "site_code"), ref.sites());
        Instant at = OffsetDateTime.parse(req(r, "submitted_at"), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        oneOf("channel", req(r, "channel"), CHANNELS);
        boolean complaint = bool("complaint", req(r, "complaint"));
        String category = maxLength("category", opt(r, "category"), 32);
        if (complaint && category == null) {
            throw new IllegalArgumentException("category is required when complaint is true");
        }
        String hoursText = opt(r, "resolution_hours");
        BigDecimal hours = hoursText == null ? null : new BigDecimal(hoursText);
        if (hours != null && hours.signum() < 0) {
            throw new IllegalArgumentException("resolution_hours must be >= 0");
        }
        FeedbackFact fact = new FeedbackFact(intIn(r, "csat", 1, 5), intIn(r, "nps", 0, 10),
                intIn(r, "reliability", 1, 5), intIn(r, "responsiveness", 1, 5), intIn(r, "assurance", 1, 5),
                intIn(r, "empathy", 1, 5), intIn(r, "tangibles", 1, 5), complaint,
                category == null ? null : category.toUpperCase(Locale.ROOT),
                bool("first_contact_resolved", opt(r, "first_contact_resolved")), hours);
        return new Feedback(site, at, fact, maxLength("comment", opt(r, "comment"), 4000));
    }

    private static Loaded load(DemoFiles f) throws IOException {
        Map<String, Site> sites = new LinkedHashMap<>();
        for (NamedCsvRecord r : read(f.sites(), DemoData.SITES_COLUMNS)) {
            String active = opt(r, "active");
            sites.put(r.getField("site_code"), new Site(r.getField("site_code"), r.getField("name"),
                    r.getField("region_code"), r.getField("region_name"), active == null || bool("active", active)));
        }
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        for (NamedCsvRecord r : read(f.criteria(), DemoData.CRITERIA_COLUMNS)) {
            criteria.put(r.getField("criterion_code"), new Criterion(r.getField("criterion_code"), r.getField("name"),
                    Dimension.valueOf(r.getField("dimension")), Integer.parseInt(r.getField("points")),
                    Integer.parseInt(r.getField("mandatory_from_star"))));
        }
        Map<String, KpiDefinition> kpis = new LinkedHashMap<>();
        for (NamedCsvRecord r : read(f.kpiDefinitions(), DemoData.KPI_DEFINITIONS_COLUMNS)) {
            kpis.put(r.getField("kpi_code"), new KpiDefinition(r.getField("kpi_code"), r.getField("name"),
                    r.getField("unit"), KpiDirection.valueOf(r.getField("direction")), new BigDecimal(r.getField("target")),
                    KpiAggregation.valueOf(r.getField("aggregation"))));
        }
        Loaded ref = new Loaded(sites, criteria, kpis, List.of(), List.of(), List.of(), List.of(), 0, 0, 0);
        List<String> rejected = new ArrayList<>();

        List<Feedback> feedback = new ArrayList<>();
        List<NamedCsvRecord> feedbackRecords = read(f.feedback(), DemoData.FEEDBACK_COLUMNS);
        for (NamedCsvRecord r : feedbackRecords) {
            try {
                feedback.add(feedback(r, ref));
            } catch (RuntimeException e) {
                rejected.add("feedback.csv:" + r.getStartingLineNumber() + " " + r.getField("feedback_id") + " " + e.getMessage());
            }
        }
        List<AuditItem> audits = new ArrayList<>();
        List<NamedCsvRecord> auditRecords = read(f.audits(), DemoData.AUDITS_COLUMNS);
        for (NamedCsvRecord r : auditRecords) {
            try {
                known("site_code", req(r, "site_code"), sites);
                oneOf("audit_type", req(r, "audit_type"), AUDIT_TYPES);
                known("criterion_code", req(r, "criterion_code"), criteria);
                audits.add(new AuditItem(req(r, "audit_id"), r.getField("site_code"), LocalDate.parse(req(r, "audited_on")),
                        r.getField("criterion_code"), AuditResult.valueOf(req(r, "result"))));
            } catch (RuntimeException e) {
                rejected.add("audits.csv:" + r.getStartingLineNumber() + " " + r.getField("audit_id") + " " + e.getMessage());
            }
        }
        List<KpiRow> kpiRows = new ArrayList<>();
        List<NamedCsvRecord> kpiRecords = read(f.kpis(), DemoData.KPIS_COLUMNS);
        for (NamedCsvRecord r : kpiRecords) {
            try {
                known("site_code", req(r, "site_code"), sites);
                known("kpi_code", req(r, "kpi_code"), kpis);
                kpiRows.add(new KpiRow(r.getField("site_code"), r.getField("kpi_code"),
                        LocalDate.parse(req(r, "measured_on")), new BigDecimal(req(r, "value"))));
            } catch (RuntimeException e) {
                rejected.add("kpis.csv:" + r.getStartingLineNumber() + " " + r.getField("site_code") + ","
                        + r.getField("kpi_code") + " " + e.getMessage());
            }
        }
        return new Loaded(sites, criteria, kpis, feedback, audits, kpiRows, rejected, feedbackRecords.size(),
                auditRecords.size(), kpiRecords.size());
    }

    /** Figures of every active site in the period, as the review computes them (zone UTC). */
    private static Map<String, ScopeFigures> figures(Loaded d, Period p) {
        Map<String, FeedbackStats> fs = new HashMap<>();
        Map<String, AuditStats> as = new HashMap<>();
        Map<String, Map<String, KpiStats>> ks = new HashMap<>();
        for (Feedback f : d.feedback()) {
            if (p.contains(f.submittedAt(), ZoneOffset.UTC)) {
                fs.computeIfAbsent(f.siteCode(), k -> new FeedbackStats()).add(f.fact());
            }
        }
        for (AuditItem a : d.audits()) {
            if (p.contains(a.auditedOn())) {
                as.computeIfAbsent(a.siteCode(), k -> new AuditStats()).add(a.auditId(), d.criteria().get(a.criterionCode()),
                        a.result());
            }
        }
        for (KpiRow k : d.kpiRows()) {
            if (p.contains(k.measuredOn())) {
                ks.computeIfAbsent(k.siteCode(), s -> new HashMap<>())
                        .computeIfAbsent(k.kpiCode(), c -> new KpiStats(d.kpis().get(c)))
                        .add(k.measuredOn(), k.value());
            }
        }
        Map<String, ScopeFigures> out = new TreeMap<>();
        for (Site s : d.sites().values()) {
            if (!s.active()) {
                continue;
            }
            List<KpiResult> kpis = new ArrayList<>();
            for (KpiDefinition def : d.kpis().values()) {
                kpis.add(ks.getOrDefault(s.code(), Map.of()).getOrDefault(def.code(), new KpiStats(def)).result());
            }
            out.put(s.code(), ScopeFigures.of(fs.getOrDefault(s.code(), new FeedbackStats()),
                    as.getOrDefault(s.code(), new AuditStats()), kpis, d.criteria().values(), QualityIndexWeights.DEFAULT));
        }
        return out;
    }

    private static Map<String, Rating> rate(Map<String, ScopeFigures> figures) {
        StarRater rater = new StarRater(RatingScheme.defaultScheme());
        Map<String, Rating> out = new TreeMap<>();
        figures.forEach((site, f) -> out.put(site, rater.rate(f).rating()));
        return out;
    }

    @BeforeAll
    static void generate() throws IOException {
        files = DemoData.writeTo(dir.resolve("demo"), LATEST);
        data = load(files);
        latestFigures = figures(data, LATEST_PERIOD);
        previousFigures = figures(data, PREVIOUS_PERIOD);
        latestRatings = rate(latestFigures);
        previousRatings = rate(previousFigures);
        printSummary();
    }

    /** The table behind the demo's story (handy when changing the profiles). */
    private static void printSummary() {
        StringBuilder sb = new StringBuilder("\nsite                 region    prev  latest  rows(prev/latest)\n");
        latestRatings.forEach((site, r) -> sb.append(String.format("%-20s %-9s %-7s %-7s %d/%d%n", site,
                data.sites().get(site).regionCode(), previousRatings.get(site).code(), r.code(),
                previousFigures.get(site).feedbackCount(), latestFigures.get(site).feedbackCount())));
        sb.append("rows: feedback ").append(data.feedbackRows()).append(", audits ").append(data.auditRows())
                .append(", kpis ").append(data.kpiRowsRead()).append('\n');
        data.rejected().forEach(r -> sb.append("rejected ").append(r).append('\n'));
        System.out.println(sb);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void filesAreInImportOrderWithTheSpecNames() {
        assertThat(files.inImportOrder()).extracting(p -> p.getFileName().toString()).containsExactly(
                "sites.csv", "criteria.csv", "kpi-definitions.csv", "feedback.csv", "audits.csv", "kpis.csv");
    }

    @Test
    void latestMonthCoversEveryRating() {
        assertThat(EnumSet.copyOf(latestRatings.values())).containsExactlyInAnyOrder(Rating.values());
        assertThat(latestRatings.values().stream().filter(r -> r == Rating.STARS_3).count()).isGreaterThanOrEqualTo(3);
        assertThat(latestRatings.values().stream().filter(r -> r == Rating.STARS_4).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void ratingsFollowTheDesignedStory() {
        assertThat(previousRatings).containsEntry("XM-ZHONGSHAN", Rating.STARS_4).containsEntry("BJ-SANLITUN", Rating.STARS_4)
                .containsEntry("SH-JINGAN", Rating.STARS_4).containsEntry("SZ-GUANQIAN", Rating.STARS_3)
                .containsEntry("TJ-HEPING", Rating.STARS_2).containsEntry("SYD-CBD", Rating.STARS_1);
        assertThat(latestRatings).containsEntry("XM-ZHONGSHAN", Rating.STARS_2).containsEntry("BJ-SANLITUN", Rating.STARS_1)
                .containsEntry("SH-JINGAN", Rating.STARS_5).containsEntry("SZ-GUANQIAN", Rating.STARS_4)
                .containsEntry("TJ-HEPING", Rating.STARS_3).containsEntry("SYD-CBD", Rating.STARS_0)
                .containsEntry("SH-HONGQIAO-POP", Rating.UNRATED).containsEntry("GY-HUAGUOYUAN", Rating.UNRATED);
    }

    @Test
    void someSitesChangeRatingIncludingATwoLevelDowngradeAndAnUpgrade() {
        List<String> twoLevelDowngrades = new ArrayList<>();
        List<String> upgrades = new ArrayList<>();
        latestRatings.forEach((site, now) -> {
            Rating before = previousRatings.get(site);
            if (now.isRated() && before.isRated()) {
                int diff = now.stars().getAsInt() - before.stars().getAsInt();
                if (diff <= -2) {
                    twoLevelDowngrades.add(site);
                }
                if (diff > 0) {
                    upgrades.add(site);
                }
            }
        });
        assertThat(twoLevelDowngrades).contains("XM-ZHONGSHAN");
        assertThat(upgrades).isNotEmpty();
    }

    @Test
    void latestMonthRaisesEveryKindOfWarning() {
        List<Warning> warnings = new ArrayList<>();
        latestFigures.forEach((site, f) -> warnings.addAll(Warnings.evaluate(site, f, latestRatings.get(site),
                Optional.ofNullable(previousFigures.get(site)), Optional.ofNullable(previousRatings.get(site)))));
        Function<WarningType, Set<String>> sitesWith = type -> new TreeSet<>(warnings.stream()
                .filter(w -> w.type() == type).map(Warning::siteCode).toList());
        assertThat(sitesWith.apply(WarningType.DOWNGRADE)).contains("XM-ZHONGSHAN", "BJ-SANLITUN");
        assertThat(sitesWith.apply(WarningType.MANDATORY_FAILED)).contains("BJ-SANLITUN");
        assertThat(sitesWith.apply(WarningType.COMPLAINT_SPIKE)).contains("XM-ZHONGSHAN");
        assertThat(sitesWith.apply(WarningType.KPI_MISS)).contains("XM-ZHONGSHAN");
    }

    @Test
    void latestMonthHasOneSiteWithLateDataAndNoOther() {
        Map<String, DataIncomplete> incomplete = new TreeMap<>();
        latestFigures.forEach((site, f) -> DataIncomplete.assess(f.feedbackCount(), previousFigures.get(site).feedbackCount(),
                new BigDecimal("0.5")).ifPresent(reason -> incomplete.put(site, reason)));

        assertThat(incomplete).containsOnlyKeys("GY-HUAGUOYUAN").containsValue(DataIncomplete.LOW_VOLUME);
    }

    @Test
    void fiveStarSitesHaveEveryMandatoryCriterionMetAndAllKpis() {
        latestRatings.forEach((site, r) -> {
            if (r == Rating.STARS_5 || r == Rating.STARS_4) {
                ScopeFigures f = latestFigures.get(site);
                assertThat(f.auditCount()).as(site).isEqualTo(1);
                assertThat(f.mandatoryStatuses()).as(site).allMatch(m -> m.status().name().equals("MET"));
            }
        });
    }

    @Test
    void sitesRegionsAndMonths() {
        assertThat(data.sites()).hasSizeGreaterThanOrEqualTo(36);
        assertThat(data.sites().values().stream().map(Site::regionCode).distinct().count()).isGreaterThanOrEqualTo(4);
        Set<Period> months = new TreeSet<>();
        data.feedback().forEach(f -> months.add(Period.containing(PeriodKind.MONTH, f.submittedAt(), ZoneOffset.UTC)));
        assertThat(months).containsExactlyElementsOf(LATEST_PERIOD.trailing(13));
        assertThat(data.feedbackRows()).isBetween(15_000, 30_000);
        assertThat(data.criteria()).hasSizeBetween(6, 10);
        assertThat(data.criteria().values().stream().map(Criterion::dimension).distinct()).hasSize(5);
        assertThat(data.criteria().values().stream().map(Criterion::mandatoryFromStar)).contains(2, 3, 4);
        assertThat(data.kpis().values().stream().map(KpiDefinition::direction).distinct()).hasSize(2);
        assertThat(data.kpis().values().stream().map(KpiDefinition::aggregation))
                .contains(KpiAggregation.MEAN, KpiAggregation.SUM, KpiAggregation.LAST);
    }

    @Test
    void textInChineseAndEnglishIncludingQuotedFields() {
        assertThat(data.sites().values()).anyMatch(s -> HAN.matcher(s.name()).find());
        assertThat(data.sites().values()).anyMatch(s -> s.name().matches("[A-Za-z ]+"));
        List<String> comments = data.feedback().stream().map(Feedback::comment).filter(c -> c != null).toList();
        assertThat(comments).anyMatch(c -> HAN.matcher(c).find());
        assertThat(comments).anyMatch(c -> c.matches("[A-Za-z ,.!']+"));
        assertThat(comments).anyMatch(c -> c.contains("\n")).anyMatch(c -> c.contains("\"")).anyMatch(c -> c.contains(","));
        assertThat(data.feedback().stream().filter(f -> f.comment() == null).count()).isGreaterThan(1000);
        Map<String, Long> byCategory = new TreeMap<>();
        data.feedback().stream().filter(f -> f.fact().complaint())
                .forEach(f -> byCategory.merge(f.fact().category(), 1L, Long::sum));
        assertThat(byCategory.keySet()).contains("WAIT_TIME", "STAFF", "BILLING", "DAMAGE", "CLEANLINESS");
        assertThat(byCategory.get("WAIT_TIME")).isGreaterThan(byCategory.get("STAFF"));
        assertThat(byCategory.get("STAFF")).isGreaterThan(byCategory.get("DAMAGE"));
    }

    @Test
    void deliberatelyBadRowsAreTheOnlyRejections() {
        assertThat(data.rejectedIn("feedback.csv")).isEqualTo(DemoData.BAD_FEEDBACK_ROWS).isEqualTo(12);
        assertThat(data.rejectedIn("audits.csv")).isEqualTo(DemoData.BAD_AUDIT_ROWS).isEqualTo(3);
        assertThat(data.rejectedIn("kpis.csv")).isEqualTo(DemoData.BAD_KPI_ROWS).isEqualTo(3);
        assertThat(data.rejected()).filteredOn(r -> r.startsWith("feedback.csv"))
                .allMatch(r -> r.contains("-E"));
    }

    /**
     * Pins what was generated for {@link #LATEST}. Audit and KPI rows follow from the profiles in
     * sites.csv: 40 sites × 13 months less the 11 months before SH-HONGQIAO-POP opened and the 4 since
     * HZ-XIXI closed = 505 site-months with 14 KPI rows each; 490 of them are rated and audited, and
     * the UNRATED months are audited every other month and in the latest one (GY-HUAGUOYUAN 7 times,
     * SH-HONGQIAO-POP once), 8 criteria an audit. The feedback rows are drawn at random: their count
     * changes when the draws do (another seed, a reordered table, a draw added or moved), which the
     * story checks above may not notice. GY-HUAGUOYUAN's late data keeps 8 of the 24 rows drawn for
     * its latest month (floor of 35 %), so 16 fewer than drawn.
     */
    @Test
    void rowCountsAndBadRowsAreAsGenerated() throws IOException {
        assertThat(data.sites()).hasSize(40);
        assertThat(data.criteria()).hasSize(8);
        assertThat(data.kpis()).hasSize(4);
        assertThat(data.feedbackRows()).isEqualTo(26_782 - 16);
        assertThat(data.auditRows()).isEqualTo((490 + 7 + 1) * 8 + DemoData.BAD_AUDIT_ROWS);
        assertThat(data.kpiRowsRead()).isEqualTo((40 * 13 - 11 - 4) * 14 + DemoData.BAD_KPI_ROWS);

        assertThat(lines(files.feedback())).filteredOn(line -> line.startsWith("FB-202606-E")).containsExactly(
                "FB-202606-E01,SH-PUDONG-OLD,2026-06-03T11:05:00+08:00,SURVEY,5,9,4,4,4,4,4,false,,,,服务很好，店员很热情。",
                "FB-202606-E02,LON-KINGSX,2026-06-05T13:40:00Z,APP,4,8,4,4,4,4,4,false,,,,Nice new store near the station.",
                "FB-202606-E03,SH-XUHUI,2026-06-08T10:12:00+08:00,SURVEY,7,10,4,4,4,4,4,false,,,,",
                "FB-202606-E04,BJ-XIDAN,2026-06-09T18:30:00+08:00,WEB,0,5,4,4,4,4,4,false,,,,一般般，没什么特别的印象。",
                "FB-202606-E05,GZ-TIANHE,2026-06-11T15:02:00+08:00,APP,5,11,4,4,4,4,4,false,,,,\"Very good, would recommend to friends.\"",
                "FB-202606-E06,NJ-XINJIEKOU,2026-06-14T10:22:00,SURVEY,4,8,4,4,4,4,4,false,,,,还可以，就是人有点多。",
                "FB-202606-E07,CD-CHUNXI,2026-06-20 19:05:00,PHONE,3,6,4,4,4,4,4,false,,,,",
                "FB-202606-E08,TY-LIUXIANG,2026-06-22T12:45:00+08:00,PHONE,1,2,4,4,4,4,4,true,,,,\"Waited ages, nobody cared.\"",
                "FB-202606-E09,HF-BINHU,2026-06-23T17:20:00+08:00,APP,2,3,4,4,4,4,4,true,,,,收银台只开了一个，等了半小时。",
                "FB-202606-E10,PAR-OPERA,2026-06-24T16:00:00+02:00,SURVEY,4,8,6,4,4,4,4,false,,,,\"Personnel très aimable, merci !\"",
                "FB-202606-E11,SYD-CBD,2026-06-25T09:30:00+10:00,EMAIL,2,4,4,4,4,4,4,true,BILLING,,-3,"
                        + "\"Charged twice for the same item, still waiting for the refund.\"",
                "FB-202606-E12,LON-SOHO,2026-06-26T14:15:00+01:00,FAX,4,7,4,4,4,4,4,false,,,,");
        assertThat(lines(files.audits())).endsWith(
                "AU-202606-E01,WH-GUANGGU,2026-06-27,INTERNAL,李伟 Li Wei,HYGIENE,PASS",
                "AU-202606-E02,SH-PUDONG,2026-06-27,INTERNAL,王芳 Wang Fang,WIFI_SPEED,PASS",
                "AU-202606-E03,BJ-CHAOYANG,2026-06-27,MYSTERY_SHOPPER,Mystery Shopper 21,HYGIENE,MAYBE");
        assertThat(lines(files.kpis())).endsWith(
                "WH-GUANGGU,AVG_WAIT_MIN,2026-06-07,7.5",
                "SH-XUHUI,NPS_TARGET,2026-06-07,35",
                "GZ-TIANHE,AVG_WAIT_MIN,2026-06-03,n/a");
        // Read from src/main/resources/demo/kpi-definitions.csv and written again: quoted where needed, targets as given.
        assertThat(lines(files.kpiDefinitions())).containsExactly(
                "kpi_code,name,unit,direction,target,aggregation",
                "AVG_WAIT_MIN,Average waiting time 平均等待时间,min,LOWER_BETTER,8,MEAN",
                "TRAINING_HOURS,Staff training hours 员工培训时长,h,HIGHER_BETTER,40,SUM",
                "STAFF_TURNOVER_PCT,\"Staff turnover, rolling 12 months 员工流失率\",%,LOWER_BETTER,5,LAST",
                "ORDER_ACCURACY_PCT,Order accuracy 订单准确率,%,HIGHER_BETTER,97.5,MIN");
    }

    /** The file's lines as written: UTF-8, CRLF line ends (a line break inside a quoted comment is LF). */
    private static List<String> lines(Path file) throws IOException {
        return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void outputIsByteIdenticalWhenGeneratedTwice() throws IOException {
        DemoFiles again = DemoData.writeTo(dir.resolve("again"), LATEST);
        List<Path> first = files.inImportOrder();
        List<Path> second = again.inImportOrder();
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i))).as(second.get(i).getFileName().toString())
                    .isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    /** The story does not depend on the month chosen (a short February, a January after the year-end peak). */
    @ParameterizedTest
    @ValueSource(strings = {"2025-02", "2027-01"})
    void otherLatestMonthsTellTheSameStory(String month) throws IOException {
        Period latest = Period.parse(month);
        Loaded d = load(DemoData.writeTo(dir.resolve("month-" + month), YearMonth.parse(month)));
        Map<String, Rating> now = rate(figures(d, latest));
        Map<String, Rating> before = rate(figures(d, latest.previous()));
        assertThat(EnumSet.copyOf(now.values())).containsExactlyInAnyOrder(Rating.values());
        assertThat(before).containsEntry("XM-ZHONGSHAN", Rating.STARS_4).containsEntry("BJ-SANLITUN", Rating.STARS_4);
        assertThat(now).containsEntry("XM-ZHONGSHAN", Rating.STARS_2).containsEntry("BJ-SANLITUN", Rating.STARS_1);
        assertThat(d.rejected()).hasSize(DemoData.BAD_FEEDBACK_ROWS + DemoData.BAD_AUDIT_ROWS + DemoData.BAD_KPI_ROWS);
    }
}
