/** Security: users and roles from configuration, login for the API and the console, and the audit log of administrator actions. */
@org.springframework.modulith.ApplicationModule
package com.qualityreview.security;
