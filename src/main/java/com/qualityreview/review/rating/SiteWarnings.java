package com.qualityreview.review.rating;

import java.util.List;

/** A site's warnings, most severe first. */
public record SiteWarnings(String siteCode, List<Warning> warnings) {

    public SiteWarnings {
        warnings = List.copyOf(warnings);
    }

    public Severity highestSeverity() {
        return warnings.get(0).severity();
    }
}
