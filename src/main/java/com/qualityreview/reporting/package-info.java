/** Reports: the executive, region and site PDFs of a review, in English and Chinese. */
@ApplicationModule(allowedDependencies = {"review", "review :: metrics", "scale", "system"})
package com.qualityreview.reporting;

import org.springframework.modulith.ApplicationModule;
