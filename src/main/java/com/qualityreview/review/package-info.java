/** The quality review: periods, metrics, star ratings and warnings, and the job that computes them. */
@org.springframework.modulith.ApplicationModule
package com.qualityreview.review;
