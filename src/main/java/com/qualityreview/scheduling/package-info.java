/** Schedules: the nightly inbound scan and the monthly review, caught up after downtime, run once across instances. */
@ApplicationModule(allowedDependencies = {"intake", "review", "system"})
package com.qualityreview.scheduling;

import org.springframework.modulith.ApplicationModule;
