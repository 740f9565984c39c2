/** Rendering the review's PDF reports with JasperReports (internal). */
package com.qualityreview.reporting.pdf;
