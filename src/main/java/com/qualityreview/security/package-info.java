/** Security: users and roles from configuration, login for the API and the console, and the audit log of administrator actions. */
@ApplicationModule(allowedDependencies = {"system"})
package com.qualityreview.security;

import org.springframework.modulith.ApplicationModule;
