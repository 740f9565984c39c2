/** Data intake: the CSV import job for reference data, feedback, audits and KPI rows. */
@ApplicationModule(allowedDependencies = {"system"})
package com.qualityreview.intake;

import org.springframework.modulith.ApplicationModule;
