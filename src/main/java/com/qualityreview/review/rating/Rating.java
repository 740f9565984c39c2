package com.qualityreview.review.rating;

import java.util.OptionalInt;

/** A site's star rating: 0 to 5 stars, or UNRATED (fewer feedback rows than minimum-feedback). */
public enum Rating {
    UNRATED, STARS_0, STARS_1, STARS_2, STARS_3, STARS_4, STARS_5;

    public static Rating stars(int n) {
        if (n < 0 || n > 5) {
            throw new IllegalArgumentException("stars must be 0 to 5, got " + n);
        }
        return values()[n + 1];
    }

    /** Parses the CSV code: "0".."5" or "UNRATED". */
    public static Rating parse(String code) {
        if ("UNRATED".equals(code)) {
            return UNRATED;
        }
        try {
            return stars(Integer.parseInt(code));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("rating must be 0 to 5 or UNRATED, got '" + code + "'");
        }
    }

    public boolean isRated() {
        return this != UNRATED;
    }

    /** Number of stars; empty for UNRATED. */
    public OptionalInt stars() {
        return isRated() ? OptionalInt.of(ordinal() - 1) : OptionalInt.empty();
    }

    /** "0".."5" or "UNRATED", as in summary.csv. */
    public String code() {
        return isRated() ? String.valueOf(ordinal() - 1) : "UNRATED";
    }
}
