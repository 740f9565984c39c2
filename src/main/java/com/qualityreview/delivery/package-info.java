/** Delivery: each stakeholder's report by email, tracked in an outbox, sent exactly once. */
@ApplicationModule(allowedDependencies = {"reporting", "review", "system"})
package com.qualityreview.delivery;

import org.springframework.modulith.ApplicationModule;
