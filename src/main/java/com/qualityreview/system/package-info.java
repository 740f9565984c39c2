/** Cross-cutting parts: settings, database dialect, the command line and progress logging. */
@org.springframework.modulith.ApplicationModule
package com.qualityreview.system;
