package com.qualityreview.review.rating;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The star rating scheme (section 5), read from YAML that users edit.
 *
 * <p>Rules, checked at load time with a message naming the level and the key:
 * <ul>
 *   <li>Top-level keys: {@code minimum-feedback} (integer ≥ 0, default {@value #DEFAULT_MINIMUM_FEEDBACK}
 *       when absent, as in the shipped scheme) and {@code levels} (required). Other keys are errors.</li>
 *   <li>All five levels 1..5 must be present: a missing level would be "a level without numbers".</li>
 *   <li>Each level needs at least one threshold; keys are those of {@link Threshold} plus
 *       {@code all-kpis-met} (true/false; false means "no requirement" and does not count as a threshold).
 *       Unknown keys, non-numbers and out-of-range numbers are errors.</li>
 *   <li>In order: a higher level's {@code min-} value must not be lower, and its {@code max-}
 *       value not higher, than the nearest lower level that uses the same key.</li>
 * </ul>
 * Duplicate YAML keys are rejected. Only plain YAML types are constructed (SafeConstructor).
 */
public record RatingScheme(int minimumFeedback, List<RatingLevel> levels) {

    public static final int DEFAULT_MINIMUM_FEEDBACK = 30;

    /** The scheme of the product contract, shipped as jobs/star-rating.yml. */
    public static final String DEFAULT_YAML = """
            minimum-feedback: 30          # fewer feedback rows in the period: UNRATED
            levels:
              1: { min-quality-index: 40 }
              2: { min-quality-index: 55, min-csat-mean: 3.5 }
              3: { min-quality-index: 65, min-csat-mean: 3.8, max-complaint-rate-pct: 5, min-audit-score-pct: 70 }
              4: { min-quality-index: 75, min-csat-mean: 4.1, min-nps: 20, max-complaint-rate-pct: 3, min-audit-score-pct: 80 }
              5: { min-quality-index: 85, min-csat-mean: 4.4, min-nps: 40, max-complaint-rate-pct: 1.5, min-audit-score-pct: 90, all-kpis-met: true }
            """;

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("minimum-feedback", "levels");

    public RatingScheme {
        if (minimumFeedback < 0) {
            throw new RatingSchemeException("minimum-feedback must be >= 0, got " + minimumFeedback);
        }
        levels = List.copyOf(levels);
        if (levels.size() != 5) {
            throw new RatingSchemeException("levels 1 to 5 must all be present, got " + levels.size());
        }
        for (int i = 0; i < 5; i++) {
            if (levels.get(i).level() != i + 1) {
                throw new RatingSchemeException("levels must be listed 1 to 5 in order; position " + (i + 1)
                        + " holds level " + levels.get(i).level());
            }
        }
        checkOrder(levels);
    }

    private static void checkOrder(List<RatingLevel> levels) {
        Map<Threshold, RatingLevel> strictestSoFar = new EnumMap<>(Threshold.class);
        for (RatingLevel level : levels) {
            level.thresholds().forEach((t, v) -> {
                RatingLevel lower = strictestSoFar.get(t);
                if (lower != null) {
                    BigDecimal lowerValue = lower.thresholds().get(t);
                    if (t.comparison() == Comparison.AT_LEAST && v.compareTo(lowerValue) < 0) {
                        throw new RatingSchemeException("level " + level.level() + ", " + t.key() + ": "
                                + v.toPlainString() + " is lower than " + lowerValue.toPlainString() + " at level "
                                + lower.level() + " (a higher level must not ask for less)");
                    }
                    if (t.comparison() == Comparison.AT_MOST && v.compareTo(lowerValue) > 0) {
                        throw new RatingSchemeException("level " + level.level() + ", " + t.key() + ": "
                                + v.toPlainString() + " is higher than " + lowerValue.toPlainString() + " at level "
                                + lower.level() + " (a higher level must not allow more)");
                    }
                }
                strictestSoFar.put(t, level);
            });
        }
    }

    public RatingLevel level(int n) {
        if (n < 1 || n > 5) {
            throw new IllegalArgumentException("levels are 1 to 5, got " + n);
        }
        return levels.get(n - 1);
    }

    public static RatingScheme defaultScheme() {
        return parse(DEFAULT_YAML, "default rating scheme");
    }

    public static RatingScheme parse(String yaml) {
        return parse(yaml, "rating scheme");
    }

    /**
     * @param source named at the start of every error message (e.g. the file path or
     *               "quality.rating-scheme (jobs/star-rating.yml)")
     * @throws RatingSchemeException with "source: level N, key: what is wrong"
     */
    public static RatingScheme parse(String yaml, String source) {
        try {
            return parseUnchecked(yaml);
        } catch (RatingSchemeException e) {
            throw new RatingSchemeException(source + ": " + e.getMessage(), e);
        }
    }

    private static RatingScheme parseUnchecked(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new RatingSchemeException("not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new RatingSchemeException("expected a mapping with 'minimum-feedback' and 'levels'");
        }
        for (Object key : top.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(String.valueOf(key))) {
                throw new RatingSchemeException("unknown key '" + key + "' (expected minimum-feedback, levels)");
            }
        }
        int minimumFeedback = DEFAULT_MINIMUM_FEEDBACK;
        if (top.containsKey("minimum-feedback")) {
            Object v = top.get("minimum-feedback");
            if (!(v instanceof Integer || v instanceof Long || v instanceof BigInteger)) {
                throw new RatingSchemeException("minimum-feedback: expected a whole number, got '" + v + "'");
            }
            minimumFeedback = ((Number) v).intValue();
        }
        Object levelsNode = top.get("levels");
        if (!(levelsNode instanceof Map<?, ?> levelsMap) || levelsMap.isEmpty()) {
            throw new RatingSchemeException("'levels' is required: a mapping of levels 1 to 5 to their thresholds");
        }
        TreeMap<Integer, RatingLevel> byNumber = new TreeMap<>();
        for (Map.Entry<?, ?> e : levelsMap.entrySet()) {
            int n = levelNumber(e.getKey());
            if (byNumber.containsKey(n)) {
                throw new RatingSchemeException("level " + n + " is given twice");
            }
            byNumber.put(n, level(n, e.getValue()));
        }
        for (int n = 1; n <= 5; n++) {
            if (!byNumber.containsKey(n)) {
                throw new RatingSchemeException("level " + n + " is missing: levels 1 to 5 must all be present");
            }
        }
        return new RatingScheme(minimumFeedback, new ArrayList<>(byNumber.values()));
    }

    private static int levelNumber(Object key) {
        String text = String.valueOf(key).trim();
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RatingSchemeException("level '" + key + "': levels are numbered 1 to 5");
        }
        if (n < 1 || n > 5) {
            throw new RatingSchemeException("level " + n + ": levels are numbered 1 to 5");
        }
        return n;
    }

    private static RatingLevel level(int n, Object node) {
        if (node == null || (node instanceof Map<?, ?> m && m.isEmpty())) {
            throw new RatingSchemeException("level " + n + " has no thresholds: each level needs at least one");
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw new RatingSchemeException("level " + n + ": expected a mapping of thresholds, got '" + node + "'");
        }
        Map<Threshold, BigDecimal> thresholds = new EnumMap<>(Threshold.class);
        boolean allKpisMet = false;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (Threshold.ALL_KPIS_MET_KEY.equals(key)) {
                if (!(value instanceof Boolean b)) {
                    throw new RatingSchemeException("level " + n + ", " + key + ": expected true or false, got '" + value + "'");
                }
                allKpisMet = b;
                continue;
            }
            Threshold t = Threshold.byKey(key).orElseThrow(() -> new RatingSchemeException("level " + n
                    + ": unknown key '" + key + "' (known: " + knownKeys() + ")"));
            if (!(value instanceof Number number) || value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw new RatingSchemeException("level " + n + ", " + key + ": expected a number, got '" + value + "'");
            }
            thresholds.put(t, new BigDecimal(number.toString()));
        }
        return new RatingLevel(n, thresholds, allKpisMet);
    }

    private static String knownKeys() {
        List<String> keys = new ArrayList<>();
        for (Threshold t : Threshold.values()) {
            keys.add(t.key());
        }
        keys.add(Threshold.ALL_KPIS_MET_KEY);
        return String.join(", ", keys);
    }
}
