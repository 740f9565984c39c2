package com.qualityreview.review.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fair ranking of sites by CSAT (docs/review.md, Fair ranking): each site's mean shrunk toward
 * its region's mean with the empirical-Bayes weight n / (n + k), k = within-site variance /
 * between-site variance, both estimated from the period's answers by the method of moments for
 * sites nested in regions. So a site with a dozen answers no longer outranks one with hundreds by
 * luck. Works on each site's exact answer sums, so it holds one entry per site, never rows.
 */
public final class FairRanking {

    /** By adjusted mean, highest first; ties by more answers, then by code. */
    private static final Comparator<Ranked> BY_SHRUNK_MEAN = Comparator
            .comparing((Ranked r) -> r.shrunkMean().orElseThrow(), Comparator.reverseOrder())
            .thenComparing(r -> r.site().count(), Comparator.reverseOrder()).thenComparing(r -> r.site().siteCode());
    /** By raw mean, with the same ties, so that readers see who moved. */
    private static final Comparator<Ranked> BY_RAW_MEAN = Comparator
            .comparing((Ranked r) -> r.mean().orElseThrow(), Comparator.reverseOrder())
            .thenComparing(r -> r.site().count(), Comparator.reverseOrder()).thenComparing(r -> r.site().siteCode());

    private FairRanking() {
    }

    /**
     * A site's CSAT answers of the period: how many, their sum and the sum of their squares, exact.
     */
    public record SiteAnswers(String siteCode, String regionCode, long count, long sum, long sumOfSquares) {

        /** From the counts of the scores 1 to 5 ({@code counts[0]} answers of 1, ...). */
        public static SiteAnswers ofCounts(String siteCode, String regionCode, long[] counts) {
            long count = 0;
            long sum = 0;
            long squares = 0;
            for (int score = 1; score <= counts.length; score++) {
                long answers = counts[score - 1];
                count += answers;
                sum += score * answers;
                squares += (long) score * score * answers;
            }
            return new SiteAnswers(siteCode, regionCode, count, sum, squares);
        }

        Optional<BigDecimal> mean() {
            return Numbers.divide(BigDecimal.valueOf(sum), count);
        }
    }

    /** How the weights were found. */
    public enum Basis {
        /** k = σ²_w / τ² (0 when the answers do not vary within sites): w = n / (n + k). */
        ESTIMATED,
        /** τ² = 0: the sites differ no more than chance would make them; w = 0, every site shows its region's mean. */
        NO_SPREAD,
        /** Too few sites per region (m − R ≤ 0) or answers per site (N − m ≤ 0) to estimate from: w = 1, raw means. */
        NOT_ESTIMABLE
    }

    /**
     * The review's estimates; each is empty where the basis leaves it undefined.
     *
     * @param withinVariance σ²_w = SSW / (N − m)
     * @param betweenMeanSquare MSB = SSB / (m − R)
     * @param n0 the effective answers per site, (N − Σ_r Σ_{i∈r} n_i² / N_r) / (m − R)
     * @param betweenVariance τ² = max(0, (MSB − σ²_w) / n₀)
     * @param k σ²_w / τ², empty when τ² = 0 (no spread) or nothing could be estimated
     */
    public record Estimate(Basis basis, Optional<BigDecimal> withinVariance, Optional<BigDecimal> betweenMeanSquare,
            Optional<BigDecimal> n0, Optional<BigDecimal> betweenVariance, Optional<BigDecimal> k) {
    }

    /**
     * One site in the ranking; a site without any answer has no mean, weight, adjusted mean nor ranks.
     *
     * @param rank by adjusted mean among all sites with answers (1 = best)
     * @param regionRank likewise among its region's sites
     * @param rawRank by raw mean among all sites with answers
     */
    public record Ranked(SiteAnswers site, Optional<BigDecimal> mean, Optional<BigDecimal> weight, Optional<BigDecimal> shrunkMean,
            Optional<Integer> rank, Optional<Integer> regionRank, Optional<Integer> rawRank) {

        Ranked withRanks(int rank, int regionRank, int rawRank) {
            return new Ranked(site, mean, weight, shrunkMean, Optional.of(rank), Optional.of(regionRank), Optional.of(rawRank));
        }
    }

    /** The estimates, and every site in rank order, those without answers last (by code). */
    public record Result(Estimate estimate, List<Ranked> sites) {
    }

    public static Result rank(List<SiteAnswers> sites) {
        List<SiteAnswers> answered = sites.stream().filter(s -> s.count() > 0).toList();
        Map<String, RegionSums> regions = new TreeMap<>();
        answered.forEach(site -> regions.computeIfAbsent(site.regionCode(), r -> new RegionSums()).add(site));
        Estimate estimate = estimate(answered, regions);

        List<Ranked> ranked = new ArrayList<>();
        for (SiteAnswers site : answered) {
            BigDecimal mean = site.mean().orElseThrow();
            BigDecimal regionMean = regions.get(site.regionCode()).mean();
            BigDecimal weight = switch (estimate.basis()) {
                case NO_SPREAD -> BigDecimal.ZERO;
                case NOT_ESTIMABLE -> BigDecimal.ONE;
                case ESTIMATED -> BigDecimal.valueOf(site.count())
                        .divide(BigDecimal.valueOf(site.count()).add(estimate.k().orElseThrow()), Numbers.MC);
            };
            BigDecimal shrunk = regionMean.add(weight.multiply(mean.subtract(regionMean), Numbers.MC), Numbers.MC);
            ranked.add(new Ranked(site, Optional.of(mean), Optional.of(weight), Optional.of(shrunk), Optional.empty(),
                    Optional.empty(), Optional.empty()));
        }
        Map<String, Integer> rawRanks = new HashMap<>();
        List<Ranked> byRaw = new ArrayList<>(ranked);
        byRaw.sort(BY_RAW_MEAN);
        for (int i = 0; i < byRaw.size(); i++) {
            rawRanks.put(byRaw.get(i).site().siteCode(), i + 1);
        }
        ranked.sort(BY_SHRUNK_MEAN);
        Map<String, Integer> placesInRegion = new HashMap<>();
        List<Ranked> result = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Ranked site = ranked.get(i);
            int regionRank = placesInRegion.merge(site.site().regionCode(), 1, Integer::sum);
            result.add(site.withRanks(i + 1, regionRank, rawRanks.get(site.site().siteCode())));
        }
        sites.stream().filter(s -> s.count() == 0).sorted(Comparator.comparing(SiteAnswers::siteCode))
                .forEach(site -> result.add(new Ranked(site, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty())));
        return new Result(estimate, List.copyOf(result));
    }

    /** Method of moments for a one-way layout of sites nested in regions (docs/review.md, Fair ranking). */
    private static Estimate estimate(List<SiteAnswers> sites, Map<String, RegionSums> regions) {
        long m = sites.size();
        long answers = sites.stream().mapToLong(SiteAnswers::count).sum();
        long withinFreedom = answers - m;
        long betweenFreedom = m - regions.size();
        if (withinFreedom <= 0 || betweenFreedom <= 0) {
            return new Estimate(Basis.NOT_ESTIMABLE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        BigDecimal ssw = BigDecimal.ZERO;
        BigDecimal ssb = BigDecimal.ZERO;
        for (SiteAnswers site : sites) {
            BigDecimal sum = BigDecimal.valueOf(site.sum());
            BigDecimal count = BigDecimal.valueOf(site.count());
            ssw = ssw.add(BigDecimal.valueOf(site.sumOfSquares()).subtract(sum.multiply(sum).divide(count, Numbers.MC)));
            BigDecimal offset = site.mean().orElseThrow().subtract(regions.get(site.regionCode()).mean());
            ssb = ssb.add(count.multiply(offset.multiply(offset), Numbers.MC));
        }
        BigDecimal concentration = BigDecimal.ZERO;
        for (RegionSums region : regions.values()) {
            concentration = concentration.add(BigDecimal.valueOf(region.countSquares).divide(BigDecimal.valueOf(region.count), Numbers.MC));
        }
        BigDecimal within = Numbers.divide(ssw, withinFreedom).orElseThrow();
        BigDecimal msb = Numbers.divide(ssb, betweenFreedom).orElseThrow();
        BigDecimal n0 = Numbers.divide(BigDecimal.valueOf(answers).subtract(concentration), betweenFreedom).orElseThrow();
        BigDecimal between = msb.subtract(within).max(BigDecimal.ZERO).divide(n0, Numbers.MC);
        if (between.signum() == 0) {
            return new Estimate(Basis.NO_SPREAD, Optional.of(within), Optional.of(msb), Optional.of(n0), Optional.of(between),
                    Optional.empty());
        }
        return new Estimate(Basis.ESTIMATED, Optional.of(within), Optional.of(msb), Optional.of(n0), Optional.of(between),
                Optional.of(within.divide(between, Numbers.MC)));
    }

    /** A region's answers over its sites: for its mean from its rows, and Σ n_i² for n₀. */
    private static final class RegionSums {
        long count;
        long sum;
        long countSquares;

        void add(SiteAnswers site) {
            count += site.count();
            sum += site.sum();
            countSquares += site.count() * site.count();
        }

        BigDecimal mean() {
            return Numbers.divide(BigDecimal.valueOf(sum), count).orElseThrow();
        }
    }
}
