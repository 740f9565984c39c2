/** The quality review: periods, metrics, star ratings and warnings, and the job that computes them. */
@ApplicationModule(allowedDependencies = {"scale", "system"})
package com.qualityreview.review;

import org.springframework.modulith.ApplicationModule;
