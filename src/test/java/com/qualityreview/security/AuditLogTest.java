package com.qualityreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the audit log stores and logs: one line per event whatever the values hold. */
class AuditLogTest {

    @Test
    void lineBreaksTabsAndControlCharactersBecomeVisibleEscapes() {
        assertThat(AuditLog.escape("sites\r\nfake line\tx\u0000\u001b[31m\u0085"))
                .isEqualTo("sites\\r\\nfake line\\tx\\u0000\\u001b[31m\\u0085");
    }

    @Test
    void unicodeLineSeparatorsAndDirectionOverridesAreEscapedButOrdinaryTextIsNot() {
        assertThat(AuditLog.escape("a\u2028b\u2029c\u202Eevil\u2066")).isEqualTo("a\\u2028b\\u2029c\\u202eevil\\u2066");
        assertThat(AuditLog.escape("上海01 site-A.csv C:\\data")).isEqualTo("上海01 site-A.csv C:\\data");
        assertThat(AuditLog.escape(null)).isEmpty();
    }
}
