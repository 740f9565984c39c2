/** Schedules: the nightly inbound scan and the monthly review, caught up after downtime, run once across instances. */
@org.springframework.modulith.ApplicationModule
package com.qualityreview.scheduling;
