/** The demo: realistic sample data for an organisation, loaded and reviewed with one command. */
@org.springframework.modulith.ApplicationModule
package com.qualityreview.demo;
