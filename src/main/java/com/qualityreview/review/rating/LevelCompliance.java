package com.qualityreview.review.rating;

import java.util.List;

/** The requirements of one star level and whether the site meets each. */
public record LevelCompliance(int level, List<Requirement> requirements) {

    public LevelCompliance {
        requirements = List.copyOf(requirements);
    }

    public boolean met() {
        return requirements.stream().allMatch(Requirement::met);
    }

    /** What is still missing (for "what it takes to gain the next star"). */
    public List<Requirement> unmet() {
        return requirements.stream().filter(r -> !r.met()).toList();
    }
}
