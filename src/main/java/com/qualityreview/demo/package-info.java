/** The demo: realistic sample data for an organisation, loaded and reviewed with one command. */
@ApplicationModule
package com.qualityreview.demo;

import org.springframework.modulith.ApplicationModule;
