/** Job executions for administrators: listing them with their counts, and restarting failed ones. */
@org.springframework.modulith.ApplicationModule
package com.qualityreview.execution;
