/** Job executions for administrators: listing them with their counts, and restarting failed ones. */
@ApplicationModule(allowedDependencies = {"scale", "system"})
package com.qualityreview.execution;

import org.springframework.modulith.ApplicationModule;
