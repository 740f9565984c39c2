/** Cross-cutting parts: settings, database dialect, the command line and progress logging. */
@ApplicationModule(allowedDependencies = {})
package com.qualityreview.system;

import org.springframework.modulith.ApplicationModule;
