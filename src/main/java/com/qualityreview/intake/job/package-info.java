/** The import and inbound-scan jobs: loading parsed rows, rejects files, import history (internal). */
package com.qualityreview.intake.job;
