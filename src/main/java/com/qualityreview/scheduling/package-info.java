/**
 * Schedules: the nightly inbound scan and the monthly review, caught up after downtime, run once
 * across instances; and the ticks of the monthly review's deadline watchdog (alerts).
 */
@ApplicationModule(allowedDependencies = {"alerts", "intake", "review", "system"})
package com.qualityreview.scheduling;

import org.springframework.modulith.ApplicationModule;
