package com.qualityreview.demo;

import com.qualityreview.demo.DemoReference.Event;
import com.qualityreview.demo.DemoReference.Site;
import com.qualityreview.review.metrics.AuditResult;
import com.qualityreview.review.AuditStats;
import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.metrics.Dimension;
import com.qualityreview.review.metrics.FeedbackFact;
import com.qualityreview.review.FeedbackStats;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.metrics.KpiResult;
import com.qualityreview.review.KpiStats;
import com.qualityreview.review.metrics.QualityIndexWeights;
import com.qualityreview.review.metrics.ScopeFigures;
import com.qualityreview.review.rating.Rating;
import com.qualityreview.review.rating.RatingScheme;
import com.qualityreview.review.rating.StarRater;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.qualityreview.demo.DemoData.MONTHS;
import static com.qualityreview.demo.DemoData.SEED;
import java.util.Locale;

/**
 * Generates the feedback, audit and KPI rows of the demo data (see {@link DemoData} for the story)
 * from the {@link DemoReference reference tables}, with one {@link Random} seeded with
 * {@link DemoData#SEED}: the same tables and latest month give the same rows in the same order.
 * Each site-month is generated, rated with the domain logic and regenerated from the next random
 * draws until it gets the rating of its profile. The {@link DemoBadRows deliberately bad rows} are
 * added to the latest month.
 *
 * <p>One generator makes one data set: {@link #run()} once.
 */
final class DemoGenerator {

    // ------------------------------------------------------------------ tier tables (index = tier 0..5)

    /** Share of csat 1..5 per tier; a site-month interpolates between neighbouring tiers. */
    private static final double[][] CSAT_SHARES = {
            {.30, .27, .20, .15, .08},
            {.12, .14, .25, .32, .17},
            {.07, .10, .20, .38, .25},
            {.04, .06, .15, .40, .35},
            {.02, .03, .08, .37, .50},
            {.01, .01, .04, .20, .74}};
    /** NPS 0..10 given the csat 1..5 of the same customer. */
    private static final double[][] NPS_GIVEN_CSAT = {
            {.30, .30, .20, .20, 0, 0, 0, 0, 0, 0, 0},
            {0, 0, .10, .20, .20, .30, .20, 0, 0, 0, 0},
            {0, 0, 0, 0, .10, .20, .30, .30, .10, 0, 0},
            {0, 0, 0, 0, 0, 0, .10, .25, .40, .20, .05},
            {0, 0, 0, 0, 0, 0, 0, .03, .12, .40, .45}};
    private static final double[] COMPLAINT_RATE = {0.14, 0.09, 0.06, 0.033, 0.02, 0.008};
    private static final double SPIKE_COMPLAINT_RATE = 0.13;
    private static final double[] FCR_SHARE = {0.40, 0.50, 0.60, 0.68, 0.78, 0.88};
    private static final double[] RESOLUTION_MEDIAN_HOURS = {60, 40, 28, 18, 10, 6};
    private static final double[] AUDIT_FAIL = {0.75, 0.50, 0.35, 0.22, 0.10, 0.03};
    private static final double[] MANDATORY_FAIL = {0.25, 0.10, 0, 0, 0, 0};
    private static final double[] WAIT_MEAN = {11.2, 9.3, 8.6, 7.6, 6.8, 5.8};
    private static final double SPIKE_WAIT_MEAN = 11.8;
    private static final double[] TRAINING_WEEKLY = {6.5, 8.5, 9.5, 10.4, 11.0, 12.0};
    private static final double[] TURNOVER_MEAN = {8.5, 6.5, 5.6, 4.8, 3.9, 2.8};
    private static final double[] ACCURACY_MEAN = {95.5, 97.0, 97.8, 98.3, 98.9, 99.4};
    /** Volume factor by calendar month (Chinese New Year dip, Golden Week and year-end peaks). */
    private static final double[] SEASON = {1.08, 0.90, 0.95, 0.97, 1.05, 1.00, 1.02, 1.03, 0.98, 1.10, 1.06, 1.10};

    private static final String[] CHANNELS = {"SURVEY", "APP", "WEB", "PHONE", "EMAIL", "IN_PERSON"};
    private static final double[] CHANNEL_SHARES = {.30, .22, .14, .14, .10, .10};
    private static final String[] CATEGORIES = {"WAIT_TIME", "STAFF", "BILLING", "DAMAGE", "CLEANLINESS", "OTHER"};
    private static final double[] CATEGORY_SHARES = {38, 22, 15, 10, 9, 6};

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final int MAX_ATTEMPTS = 2_000;
    /** Share of a LATE_DATA site's rows of the latest month that arrive: well under the review's default 50 %. */
    static final double LATE_DATA_SHARE = 0.35;

    // ------------------------------------------------------------------ generation

    /** The rows of feedback.csv, audits.csv and kpis.csv, in file order. */
    record Generated(List<List<String>> feedback, List<List<String>> audits, List<List<String>> kpis) {
    }

    /** A row of feedback.csv and the instant it is sorted by within its month. */
    record Keyed(Instant key, List<String> fields) {
    }

    private record FeedbackRow(String site, Instant at, String submittedAt, String channel, Integer csat, Integer nps,
                               Integer[] servqual, boolean complaint, String category, Boolean fcr, BigDecimal hours,
                               String comment) {

        FeedbackFact fact() {
            return new FeedbackFact(csat, nps, servqual[0], servqual[1], servqual[2], servqual[3], servqual[4],
                    complaint, category == null ? null : category.toUpperCase(Locale.ROOT), fcr, hours);
        }

        List<String> fields(String id) {
            List<String> f = new ArrayList<>(16);
            f.add(id);
            f.add(site);
            f.add(submittedAt);
            f.add(channel);
            f.add(text(csat));
            f.add(text(nps));
            for (Integer s : servqual) {
                f.add(text(s));
            }
            f.add(String.valueOf(complaint));
            f.add(category == null ? "" : category);
            f.add(text(fcr));
            f.add(hours == null ? "" : hours.toPlainString());
            f.add(comment == null ? "" : comment);
            return f;
        }
    }

    private record AuditItem(String auditId, String site, LocalDate date, String type, String auditor,
                             Criterion criterion, AuditResult result) {

        List<String> fields() {
            return List.of(auditId, site, date.toString(), type, auditor, criterion.code(), result.name());
        }
    }

    private record KpiRow(String site, KpiDefinition kpi, LocalDate date, BigDecimal value) {

        List<String> fields() {
            return List.of(site, kpi.code(), date.toString(), value.toPlainString());
        }
    }

    private record SiteMonth(List<FeedbackRow> feedback, List<AuditItem> audits, List<KpiRow> kpis,
                             ScopeFigures figures, Rating rating) {
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private final Random rng = new Random(SEED);
    private final DemoReference reference;
    private final List<Site> sites;
    private final YearMonth latest;
    private final StarRater rater = new StarRater(RatingScheme.defaultScheme());
    private final Map<String, Double> siteBias = new HashMap<>();
    private final KpiDefinition avgWait;
    private final KpiDefinition training;
    private final KpiDefinition turnover;
    private final KpiDefinition accuracy;

    DemoGenerator(DemoReference reference, YearMonth latest) {
        this.reference = reference;
        this.sites = reference.sites();
        this.latest = latest;
        this.avgWait = reference.kpi("AVG_WAIT_MIN");
        this.training = reference.kpi("TRAINING_HOURS");
        this.turnover = reference.kpi("STAFF_TURNOVER_PCT");
        this.accuracy = reference.kpi("ORDER_ACCURACY_PCT");
    }

    Generated run() {
        for (Site s : sites) {
            siteBias.put(s.code(), (rng.nextDouble() * 2 - 1) * 0.15);
        }
        List<List<String>> feedbackOut = new ArrayList<>();
        List<AuditItem> auditsAll = new ArrayList<>();
        List<KpiRow> kpisAll = new ArrayList<>();
        Map<String, ScopeFigures> previous = new HashMap<>();
        for (int mi = 0; mi < MONTHS; mi++) {
            YearMonth ym = latest.minusMonths(MONTHS - 1L - mi);
            boolean isLatest = mi == MONTHS - 1;
            List<FeedbackRow> monthFeedback = new ArrayList<>();
            Map<String, ScopeFigures> current = new HashMap<>();
            for (Site s : sites) {
                char c = s.profile().charAt(mi);
                if (c == '-') {
                    continue;
                }
                SiteMonth sm = siteMonth(s, mi, ym, isLatest, previous.get(s.code()));
                monthFeedback.addAll(isLatest && s.latestEvent() == Event.LATE_DATA ? arrivedBeforeTheFeedStopped(sm.feedback)
                        : sm.feedback);
                auditsAll.addAll(sm.audits);
                kpisAll.addAll(sm.kpis);
                current.put(s.code(), sm.figures);
            }
            previous = current;
            monthFeedback.sort(Comparator.comparing(FeedbackRow::at).thenComparing(FeedbackRow::site));
            String prefix = "FB-" + ym.toString().replace("-", "") + "-";
            List<Keyed> keyed = new ArrayList<>();
            for (int i = 0; i < monthFeedback.size(); i++) {
                FeedbackRow r = monthFeedback.get(i);
                keyed.add(new Keyed(r.at, r.fields(prefix + String.format("%05d", i + 1))));
            }
            if (isLatest) {
                keyed.addAll(DemoBadRows.feedback(ym, prefix));
                keyed.sort(Comparator.comparing(Keyed::key));
            }
            keyed.forEach(k -> feedbackOut.add(k.fields));
        }
        auditsAll.sort(Comparator.comparing(AuditItem::date).thenComparing(AuditItem::auditId));
        List<List<String>> auditsOut = new ArrayList<>();
        auditsAll.forEach(a -> auditsOut.add(a.fields()));
        auditsOut.addAll(DemoBadRows.audits(latest));
        kpisAll.sort(Comparator.comparing(KpiRow::date).thenComparing(KpiRow::site));
        List<List<String>> kpisOut = new ArrayList<>();
        kpisAll.forEach(k -> kpisOut.add(k.fields()));
        kpisOut.addAll(DemoBadRows.kpis(latest));
        return new Generated(feedbackOut, auditsOut, kpisOut);
    }

    private SiteMonth siteMonth(Site s, int mi, YearMonth ym, boolean isLatest, ScopeFigures previous) {
        char c = s.profile().charAt(mi);
        boolean unrated = c == 'U';
        int tier = unrated ? s.unratedQuality() : c - '0';
        Event event = isLatest ? s.latestEvent() : Event.NONE;
        Rating expected = unrated ? Rating.UNRATED
                : event == Event.HYGIENE_FAIL ? Rating.STARS_1 : Rating.stars(tier);
        double v = s.volume() * SEASON[ym.getMonthValue() - 1] * (1 + 0.008 * mi) * (0.93 + 0.14 * rng.nextDouble());
        int n = (int) Math.round(v);
        n = unrated ? Math.max(8, Math.min(n, 29)) : Math.max(n, 33);
        double quality = Math.max(0, Math.min(5, tier + siteBias.get(s.code()) + (rng.nextDouble() * 2 - 1) * 0.1));
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            SiteMonth sm = attempt(s, mi, ym, tier, quality, n, unrated, event);
            if (sm.rating == expected && (event != Event.COMPLAINT_SPIKE || isSpike(sm.figures, previous))) {
                return sm;
            }
        }
        throw new IllegalStateException("demo data: could not generate " + s.code() + " " + ym + " rated "
                + expected.code() + " in " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * A feed that stopped early in the month: only the earliest {@value #LATE_DATA_SHARE} of the rows
     * generated arrived. Cut after generating, so that the random draws of every other row stay as they were.
     */
    private static List<FeedbackRow> arrivedBeforeTheFeedStopped(List<FeedbackRow> generated) {
        List<FeedbackRow> byTime = new ArrayList<>(generated);
        byTime.sort(Comparator.comparing(FeedbackRow::at));
        return byTime.subList(0, (int) Math.floor(byTime.size() * LATE_DATA_SHARE));
    }

    private static boolean isSpike(ScopeFigures now, ScopeFigures before) {
        if (before == null || before.complaintRatePct().isEmpty() || now.complaintRatePct().isEmpty()) {
            return false;
        }
        return now.complaintCount() >= 5
                && now.complaintRatePct().get().compareTo(before.complaintRatePct().get().multiply(BigDecimal.valueOf(2))) >= 0;
    }

    private SiteMonth attempt(Site s, int mi, YearMonth ym, int tier, double quality, int n, boolean unrated,
                              Event event) {
        List<FeedbackRow> feedback = feedback(s, ym, tier, quality, n, event);
        List<AuditItem> audits = new ArrayList<>();
        if (!unrated || mi % 2 == 0 || mi == MONTHS - 1) {
            audits = audit(s, mi, ym, tier, event);
        }
        List<KpiRow> kpis = kpis(s, ym, tier, event);

        FeedbackStats fs = new FeedbackStats();
        feedback.forEach(f -> fs.add(f.fact()));
        AuditStats as = new AuditStats();
        audits.forEach(a -> as.add(a.auditId, a.criterion, a.result));
        List<KpiResult> results = new ArrayList<>();
        for (KpiDefinition d : reference.kpis()) {
            KpiStats ks = new KpiStats(d);
            kpis.stream().filter(k -> k.kpi == d).forEach(k -> ks.add(k.date, k.value));
            results.add(ks.result());
        }
        ScopeFigures figures = ScopeFigures.of(fs, as, results, reference.criteria(), QualityIndexWeights.DEFAULT);
        return new SiteMonth(feedback, audits, kpis, figures, rater.rate(figures).rating());
    }

    // ------------------------------------------------------------------ feedback

    private List<FeedbackRow> feedback(Site s, YearMonth ym, int tier, double quality, int n, Event event) {
        // latent satisfaction 1..5 of each customer, by quota so that the month's mix is close to the profile
        int[] counts = quota(interpolate(CSAT_SHARES, quality), n);
        List<Integer> latent = new ArrayList<>(n);
        for (int score = 1; score <= 5; score++) {
            for (int i = 0; i < counts[score - 1]; i++) {
                latent.add(score);
            }
        }
        Collections.shuffle(latent, rng);

        double rate = event == Event.COMPLAINT_SPIKE ? SPIKE_COMPLAINT_RATE : COMPLAINT_RATE[tier];
        int complaints = (int) Math.floor(n * rate + rng.nextDouble());
        // complaints come mostly from unhappy customers
        Integer[] order = new Integer[n];
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            key[i] = latent.get(i) + rng.nextDouble() * 2.2;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> key[i]));
        boolean[] isComplaint = new boolean[n];
        for (int i = 0; i < complaints && i < n; i++) {
            isComplaint[order[i]] = true;
        }
        double[] categoryShares = categoryShares(s, event);

        List<FeedbackRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int sat = latent.get(i);
            String channel = CHANNELS[pick(CHANNEL_SHARES)];
            boolean digital = channel.equals("APP") || channel.equals("WEB") || channel.equals("EMAIL");
            Instant at = instantIn(s, ym, digital);
            ZoneId shownIn = digital && rng.nextDouble() < 0.3 ? ZoneOffset.UTC : s.zone();
            String submittedAt = DATE_TIME.format(at.atZone(shownIn).toOffsetDateTime());

            Integer csat = rng.nextDouble() < 0.04 ? null : sat;
            Integer nps = rng.nextDouble() < 0.10 ? null : pick(NPS_GIVEN_CSAT[sat - 1]);
            Integer[] servqual = new Integer[5];
            double nullShare = channel.equals("PHONE") ? 0.35 : channel.equals("IN_PERSON") ? 0.15 : 0.06;
            for (Dimension d : Dimension.values()) {
                if (rng.nextDouble() < nullShare) {
                    continue;
                }
                double r = rng.nextDouble();
                int score = sat + (r < 0.18 ? -1 : r > 0.84 ? 1 : 0);
                if (d == s.weakDimension() && rng.nextDouble() < 0.5) {
                    score--;
                }
                servqual[d.ordinal()] = Math.max(1, Math.min(5, score));
            }

            boolean complaint = isComplaint[i];
            String category = null;
            Boolean fcr = null;
            BigDecimal hours = null;
            if (complaint) {
                category = CATEGORIES[pick(categoryShares)];
                double r = rng.nextDouble();
                if (r < 0.01) {
                    category = category.toLowerCase(Locale.ROOT);
                } else if (r < 0.015) {
                    category = category.charAt(0) + category.substring(1).toLowerCase(Locale.ROOT);
                }
                fcr = rng.nextDouble() < FCR_SHARE[tier];
                if (rng.nextDouble() < 0.9) {
                    double h = fcr ? 0.2 + rng.nextDouble() * 2.8
                            : Math.max(1, Math.min(240, RESOLUTION_MEDIAN_HOURS[tier] * Math.exp(0.6 * rng.nextGaussian())));
                    hours = BigDecimal.valueOf(h).setScale(1, RoundingMode.HALF_UP);
                }
            } else if ((channel.equals("PHONE") || channel.equals("EMAIL") || channel.equals("IN_PERSON"))
                    && rng.nextDouble() < 0.45) {
                fcr = rng.nextDouble() < 0.9;
                if (rng.nextDouble() < 0.5) {
                    hours = BigDecimal.valueOf(0.1 + rng.nextDouble() * 0.9).setScale(1, RoundingMode.HALF_UP);
                }
            }
            String comment = comment(s, sat, complaint ? category.toUpperCase(Locale.ROOT) : null);
            rows.add(new FeedbackRow(s.code(), at, submittedAt, channel, csat, nps, servqual, complaint, category, fcr,
                    hours, comment));
        }
        return rows;
    }

    private double[] categoryShares(Site s, Event event) {
        double[] shares = CATEGORY_SHARES.clone();
        if (event == Event.HYGIENE_FAIL) {
            shares[4] = 60; // CLEANLINESS
        } else if (event == Event.COMPLAINT_SPIKE) {
            shares[0] = 70; // WAIT_TIME
            shares[1] = 30; // STAFF
        } else if (s.weakDimension() == Dimension.TANGIBLES) {
            shares[4] = 20;
        } else if (s.weakDimension() == Dimension.EMPATHY) {
            shares[1] = 35;
        }
        return shares;
    }

    /** An instant in the month (UTC), at a plausible local hour for the site and channel. */
    private Instant instantIn(Site s, YearMonth ym, boolean digital) {
        Instant start = ym.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = ym.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        while (true) {
            int day = 1 + rng.nextInt(ym.lengthOfMonth());
            int hour = digital ? 7 + rng.nextInt(17) : 9 + rng.nextInt(13);
            LocalDateTime local = ym.atDay(day).atTime(hour, rng.nextInt(60), rng.nextInt(60));
            Instant at = local.atZone(s.zone()).toInstant();
            if (!at.isBefore(start) && at.isBefore(end)) {
                return at;
            }
        }
    }

    private String comment(Site s, int sat, String category) {
        double p = category != null ? 0.85 : sat <= 2 ? 0.6 : 0.35;
        if (rng.nextDouble() >= p) {
            return null;
        }
        double lang = rng.nextDouble();
        boolean zh = lang < s.zhShare();
        boolean positive = category == null && sat >= 4;
        boolean negative = category != null || sat <= 2;
        if (!zh && s.localLanguage() != null && lang < s.zhShare() + s.localShare() && (positive || negative)) {
            return reference.comment(positive ? "positive" : "negative", s.localLanguage());
        }
        String language = zh ? "zh" : "en";
        if (category != null) {
            return oneOf(reference.complaints(language, category));
        }
        return oneOf(reference.comments(positive ? "positive" : negative ? "negative" : "neutral", language));
    }

    // ------------------------------------------------------------------ audits and KPIs

    private List<AuditItem> audit(Site s, int mi, YearMonth ym, int tier, Event event) {
        LocalDate date = ym.atDay(2 + rng.nextInt(26));
        String type;
        String auditor;
        if (mi == 6) {
            type = "EXTERNAL";
            auditor = oneOf(reference.auditors("EXTERNAL"));
        } else if (mi % 3 == 1) {
            type = "MYSTERY_SHOPPER";
            auditor = oneOf(reference.auditors("MYSTERY_SHOPPER"));
        } else {
            type = "INTERNAL";
            auditor = oneOf(reference.auditors(s.region().internalAuditors()));
        }
        String auditId = "AU-" + ym.toString().replace("-", "") + "-" + s.code();
        List<AuditItem> items = new ArrayList<>();
        for (Criterion c : reference.criteria()) {
            AuditResult result;
            if (c.isMandatory()) {
                boolean fail = event == Event.HYGIENE_FAIL && c.code().equals("HYGIENE")
                        || rng.nextDouble() < MANDATORY_FAIL[tier];
                result = fail ? AuditResult.FAIL : AuditResult.PASS;
            } else {
                double na = c.code().equals("PROMISE") ? 0.10 : c.code().equals("GREETING") ? 0.04 : 0;
                double r = rng.nextDouble();
                result = r < na ? AuditResult.NA : r < na + AUDIT_FAIL[tier] ? AuditResult.FAIL : AuditResult.PASS;
            }
            items.add(new AuditItem(auditId, s.code(), date, type, auditor, c, result));
        }
        return items;
    }

    private List<KpiRow> kpis(Site s, YearMonth ym, int tier, Event event) {
        List<KpiRow> rows = new ArrayList<>();
        int[] weekly = {7, 14, 21, 28};
        double wait = event == Event.COMPLAINT_SPIKE ? SPIKE_WAIT_MEAN : WAIT_MEAN[tier];
        for (int day : weekly) {
            rows.add(new KpiRow(s.code(), avgWait, ym.atDay(day), decimal(Math.max(1, wait + 0.8 * rng.nextGaussian()), 1)));
        }
        for (int day : weekly) {
            rows.add(new KpiRow(s.code(), training, ym.atDay(day),
                    decimal(Math.max(0, TRAINING_WEEKLY[tier] + 1.5 * rng.nextGaussian()), 1)));
        }
        for (int day : new int[] {15, ym.lengthOfMonth()}) {
            rows.add(new KpiRow(s.code(), turnover, ym.atDay(day),
                    decimal(Math.max(0, TURNOVER_MEAN[tier] + 0.6 * rng.nextGaussian()), 1)));
        }
        for (int day : weekly) {
            rows.add(new KpiRow(s.code(), accuracy, ym.atDay(day),
                    decimal(Math.min(100, ACCURACY_MEAN[tier] + 0.4 * rng.nextGaussian()), 2)));
        }
        return rows;
    }

    // ------------------------------------------------------------------ random helpers

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no positive weight");
    }

    private String oneOf(List<String> values) {
        return values.get(rng.nextInt(values.size()));
    }

    private static double[] interpolate(double[][] table, double q) {
        int lo = (int) Math.floor(q);
        int hi = Math.min(table.length - 1, lo + 1);
        double w = q - lo;
        double[] out = new double[table[lo].length];
        for (int i = 0; i < out.length; i++) {
            out[i] = table[lo][i] * (1 - w) + table[hi][i] * w;
        }
        return out;
    }

    /** Largest-remainder apportionment of n among the shares. */
    private static int[] quota(double[] shares, int n) {
        int[] counts = new int[shares.length];
        double[] remainder = new double[shares.length];
        int assigned = 0;
        for (int i = 0; i < shares.length; i++) {
            double exact = shares[i] * n;
            counts[i] = (int) Math.floor(exact);
            remainder[i] = exact - counts[i];
            assigned += counts[i];
        }
        while (assigned < n) {
            int best = 0;
            for (int i = 1; i < shares.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            assigned++;
        }
        return counts;
    }

    private static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
