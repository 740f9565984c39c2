/** Reports: the executive, region and site PDFs of a review, in English and Chinese. */
@org.springframework.modulith.ApplicationModule
package com.qualityreview.reporting;
