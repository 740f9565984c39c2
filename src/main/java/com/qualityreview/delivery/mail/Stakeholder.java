package com.qualityreview.delivery.mail;

import java.util.Locale;

/** Someone who receives a review's report: the scope is ORG, REGION:&lt;code&gt; or SITE:&lt;code&gt;. */
public record Stakeholder(String name, String email, Locale locale, String scopeType, String scopeCode) {

    public String scope() {
        return scopeType.equals("ORG") ? "ORG" : scopeType + ":" + scopeCode;
    }
}
