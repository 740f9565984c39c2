/** The demo: realistic sample data for an organisation, loaded and reviewed with one command. */
@ApplicationModule(allowedDependencies = {"intake", "review", "review :: metrics", "review :: rating", "system"})
package com.qualityreview.demo;

import org.springframework.modulith.ApplicationModule;
