package com.qualityreview.demo;

import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.metrics.Dimension;
import com.qualityreview.review.KpiAggregation;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.KpiDirection;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference tables behind the demo data, read from the UTF-8 CSV files (comma separated, header
 * row, RFC 4180 quoting) under {@value #FOLDER} on the classpath ({@code src/main/resources/demo/}):
 * <ul>
 *   <li>{@code regions.csv}: region_code, region_name, internal_auditors (the pool of auditors.csv
 *       that audits the region's sites internally);</li>
 *   <li>{@code sites.csv}: the sites and their quality profiles, see {@link Site};</li>
 *   <li>{@code criteria.csv} and {@code kpi-definitions.csv}: as written to the demo files;</li>
 *   <li>{@code comments.csv}: tone (positive, neutral, negative, complaint), language (en, zh, ja,
 *       fr), category (complaints only), text: the customers' comments to draw from;</li>
 *   <li>{@code auditors.csv}: pool (INTERNAL_CN, INTERNAL_INTL, MYSTERY_SHOPPER, EXTERNAL), name.</li>
 * </ul>
 * The order of the rows matters: the generator draws its random numbers site by site in the order of
 * sites.csv, and picks comments and auditors by their position in their group. Changing a row
 * changes the generated data.
 */
final class DemoReference {

    static final String FOLDER = "/demo/";

    record Region(String code, String name, String internalAuditors) {
    }

    /** What happens at a site in the latest month. */
    /**
     * What happens in the latest month. LATE_DATA: the site's feedback feed stops early in the month,
     * so the review has only its earliest rows and marks its data incomplete (docs/review.md).
     */
    enum Event { NONE, HYGIENE_FAIL, COMPLAINT_SPIKE, LATE_DATA }

    /**
     * A site of sites.csv.
     *
     * @param profile        one character per month, oldest first ({@link DemoData#MONTHS} months, the
     *                       last one is the latest month): '0'..'5' = quality tier and expected rating,
     *                       'U' = fewer than 30 rows (UNRATED, quality tier {@code unratedQuality}),
     *                       '-' = no data (not open yet, or closed)
     * @param zhShare        share of comments written in Chinese
     * @param unratedQuality the quality tier of the 'U' months (column empty when there are none)
     * @param weakDimension  a SERVQUAL dimension customers rate lower at this site, or null
     * @param latestEvent    what happens in the latest month (column empty = {@link Event#NONE})
     * @param localLanguage  the language (ja or fr) of a further share {@code localShare} of the
     *                       positive and negative comments, or null
     */
    record Site(String code, String name, Region region, ZoneId zone, int volume, String profile, double zhShare,
                int unratedQuality, Dimension weakDimension, Event latestEvent, String localLanguage, double localShare) {

        boolean active() {
            return profile.charAt(profile.length() - 1) != '-';
        }
    }

    private final List<Site> sites;
    private final List<Criterion> criteria;
    private final List<KpiDefinition> kpis;
    private final Map<String, List<String>> comments;
    private final Map<String, List<String>> auditors;

    private DemoReference(List<Site> sites, List<Criterion> criteria, List<KpiDefinition> kpis,
                          Map<String, List<String>> comments, Map<String, List<String>> auditors) {
        this.sites = sites;
        this.criteria = criteria;
        this.kpis = kpis;
        this.comments = comments;
        this.auditors = auditors;
    }

    /**
     * The tables bundled with the application.
     *
     * @throws IllegalStateException when a file is missing or holds a wrong row
     */
    static DemoReference bundled() {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (NamedCsvRecord r : read("regions.csv", "region_code", "region_name", "internal_auditors")) {
            regions.put(r.getField("region_code"),
                    new Region(r.getField("region_code"), r.getField("region_name"), r.getField("internal_auditors")));
        }
        Map<String, List<String>> auditors = new LinkedHashMap<>();
        for (NamedCsvRecord r : read("auditors.csv", "pool", "name")) {
            auditors.computeIfAbsent(r.getField("pool"), k -> new ArrayList<>()).add(r.getField("name"));
        }
        List<Site> sites = new ArrayList<>();
        for (NamedCsvRecord r : read("sites.csv", "site_code", "name", "region_code", "zone", "volume", "profile",
                "zh_share", "unrated_quality", "weak_dimension", "latest_event", "local_language", "local_share")) {
            sites.add(site(r, regions, auditors));
        }
        List<Criterion> criteria = new ArrayList<>();
        for (NamedCsvRecord r : read("criteria.csv", DemoData.CRITERIA_COLUMNS.toArray(String[]::new))) {
            criteria.add(new Criterion(r.getField("criterion_code"), r.getField("name"),
                    Dimension.valueOf(r.getField("dimension")), Integer.parseInt(r.getField("points")),
                    Integer.parseInt(r.getField("mandatory_from_star"))));
        }
        List<KpiDefinition> kpis = new ArrayList<>();
        for (NamedCsvRecord r : read("kpi-definitions.csv", DemoData.KPI_DEFINITIONS_COLUMNS.toArray(String[]::new))) {
            kpis.add(new KpiDefinition(r.getField("kpi_code"), r.getField("name"), r.getField("unit"),
                    KpiDirection.valueOf(r.getField("direction")), new BigDecimal(r.getField("target")),
                    KpiAggregation.valueOf(r.getField("aggregation"))));
        }
        Map<String, List<String>> comments = new LinkedHashMap<>();
        for (NamedCsvRecord r : read("comments.csv", "tone", "language", "category", "text")) {
            // A line break inside a comment is LF, even where the file was checked out with CRLF line ends.
            comments.computeIfAbsent(key(r.getField("tone"), r.getField("language"), r.getField("category")),
                    k -> new ArrayList<>()).add(r.getField("text").replace("\r\n", "\n"));
        }
        return new DemoReference(List.copyOf(sites), List.copyOf(criteria), List.copyOf(kpis), comments, auditors);
    }

    private static Site site(NamedCsvRecord r, Map<String, Region> regions, Map<String, List<String>> auditors) {
        String code = r.getField("site_code");
        Region region = regions.get(r.getField("region_code"));
        if (region == null || !auditors.containsKey(region.internalAuditors())) {
            throw wrong("sites.csv", r, "unknown region " + r.getField("region_code") + " or no auditors for it");
        }
        String profile = r.getField("profile");
        if (!profile.matches("[0-5U-]{" + DemoData.MONTHS + "}")) {
            throw wrong("sites.csv", r, "profile must be " + DemoData.MONTHS + " characters 0-5, U or -");
        }
        String unrated = r.getField("unrated_quality");
        if (profile.indexOf('U') >= 0 == unrated.isEmpty()) {
            throw wrong("sites.csv", r, "unrated_quality is required for, and only for, a profile with U months");
        }
        String weak = r.getField("weak_dimension");
        String event = r.getField("latest_event");
        String local = r.getField("local_language");
        String localShare = r.getField("local_share");
        if (local.isEmpty() != localShare.isEmpty()) {
            throw wrong("sites.csv", r, "local_language and local_share go together");
        }
        return new Site(code, r.getField("name"), region, ZoneId.of(r.getField("zone")),
                Integer.parseInt(r.getField("volume")), profile, Double.parseDouble(r.getField("zh_share")),
                unrated.isEmpty() ? 0 : Integer.parseInt(unrated), weak.isEmpty() ? null : Dimension.valueOf(weak),
                event.isEmpty() ? Event.NONE : Event.valueOf(event), local.isEmpty() ? null : local,
                localShare.isEmpty() ? 0 : Double.parseDouble(localShare));
    }

    private static List<NamedCsvRecord> read(String file, String... columns) {
        String resource = FOLDER + file;
        try (InputStream in = DemoReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo data: " + resource + " is not on the classpath");
            }
            try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                    .ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                List<NamedCsvRecord> records = reader.stream().toList();
                if (records.isEmpty() || !records.get(0).getHeader().equals(List.of(columns))) {
                    throw new IllegalStateException("demo data: " + resource + " must have the columns "
                            + String.join(",", columns) + " and at least one row");
                }
                return records;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo data: cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static IllegalStateException wrong(String file, NamedCsvRecord r, String message) {
        return new IllegalStateException("demo data: " + FOLDER + file + " line " + r.getStartingLineNumber() + ": "
                + message);
    }

    private static String key(String tone, String language, String category) {
        return tone + "/" + language + "/" + category;
    }

    private List<String> group(Map<String, List<String>> groups, String key) {
        List<String> values = groups.get(key);
        if (values == null) {
            throw new IllegalStateException("demo data: nothing for " + key);
        }
        return values;
    }

    /** The sites, in the order of sites.csv. */
    List<Site> sites() {
        return sites;
    }

    List<Criterion> criteria() {
        return criteria;
    }

    List<KpiDefinition> kpis() {
        return kpis;
    }

    KpiDefinition kpi(String code) {
        return kpis.stream().filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo data: no KPI " + code + " in kpi-definitions.csv"));
    }

    /** The comments of a tone (positive, neutral, negative) in a language, in file order. */
    List<String> comments(String tone, String language) {
        return group(comments, key(tone, language, ""));
    }

    /**
     * The one comment of a tone in a language spoken at few sites (ja, fr); it is used without a
     * random draw, so there must be exactly one.
     */
    String comment(String tone, String language) {
        List<String> values = comments(tone, language);
        if (values.size() != 1) {
            throw new IllegalStateException("demo data: comments.csv must have one " + tone + " comment in "
                    + language + ", not " + values.size());
        }
        return values.get(0);
    }

    /** The complaint comments of a category (upper case) in a language (en, zh), in file order. */
    List<String> complaints(String language, String category) {
        return group(comments, key("complaint", language, category));
    }

    /** The auditors of a pool of auditors.csv, in file order. */
    List<String> auditors(String pool) {
        return group(auditors, pool);
    }
}
