/** Metrics of SPEC section 4 in plain Java: per-scope sums that merge across chunks and scopes, and the figures they give. Named interface: the demo generator computes the figures it aims for with them; reports and emails show numbers through its {@link com.qualityreview.review.metrics.Display}. */
@NamedInterface("metrics")
package com.qualityreview.review.metrics;

import org.springframework.modulith.NamedInterface;
