/** The quality review job: its steps, readers, writers and the tables it writes (internal). */
package com.qualityreview.review.job;
