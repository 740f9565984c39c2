/**
 * Alerts: the deadline watchdog of the monthly review. If by the deadline the previous month's
 * review has not completed with every delivery sent, one email to the administrators per period,
 * across restarts and instances; the console and the API show it until the work is done.
 */
@ApplicationModule(allowedDependencies = {"delivery", "review", "system"})
package com.qualityreview.alerts;

import org.springframework.modulith.ApplicationModule;
