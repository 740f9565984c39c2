/** Data intake: the CSV import job for reference data, feedback, audits and KPI rows. */
@org.springframework.modulith.ApplicationModule
package com.qualityreview.intake;
