package com.qualityreview;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** The feature packages are modules: each uses only what another exposes, and none in a cycle. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(QualityReviewApplication.class).verify();
    }
}
