/** Delivery: each stakeholder's report by email, tracked in an outbox, sent exactly once. */
@org.springframework.modulith.ApplicationModule
package com.qualityreview.delivery;
