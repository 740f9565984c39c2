package com.qualityreview.delivery.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.Assertions;

class StakeholdersTest {

    @TempDir
    Path folder;

    static final Set<Locale> LOCALES = Set.of(Locale.ENGLISH, Locale.forLanguageTag("zh-CN"));

    List<Stakeholder> load(String yaml) throws Exception {
        Path file = Files.writeString(folder.resolve("stakeholders.yml"), yaml);
        return Stakeholders.load(file, false, LOCALES, Set.of("R1"), Set.of("A"));
    }

    @Test
    void readsEveryScopeAndLocale() throws Exception {
        assertThat(load("""
                stakeholders:
                  - { name: Ann, email: ann@example.com, locale: en, scope: ORG }
                  - { name: 李, email: li@example.com, locale: zh-CN, scope: "REGION:R1" }
                  - { name: Sam, email: sam@example.com, locale: en, scope: "SITE:A" }
                """)).extracting(Stakeholder::email, Stakeholder::scope, s -> s.locale().toLanguageTag())
                .containsExactly(Assertions.tuple("ann@example.com", "ORG", "en"),
                        Assertions.tuple("li@example.com", "REGION:R1", "zh-CN"),
                        Assertions.tuple("sam@example.com", "SITE:A", "en"));
    }

    @Test
    void aBadAddressNamesTheEntry() {
        assertThatThrownBy(() -> load("stakeholders:\n  - { name: Ann, email: ann@example.com, locale: en, scope: ORG }\n"
                + "  - { name: Bob, email: 'bob at example', locale: en, scope: ORG }\n"))
                .hasMessageEndingWith("stakeholders.yml): entry 2 (Bob): 'bob at example' is not a valid email address");
    }

    @Test
    void anUnknownRegionSiteOrLocaleNamesTheEntry() {
        assertThatThrownBy(() -> load("stakeholders:\n  - { name: Ann, email: ann@example.com, locale: en, scope: \"REGION:R9\" }\n"))
                .hasMessageContaining("entry 1 (Ann): scope 'REGION:R9' is not ORG, nor REGION:<code> of a known region");
        assertThatThrownBy(() -> load("stakeholders:\n  - { name: Ann, email: ann@example.com, locale: en, scope: \"SITE:Z\" }\n"))
                .hasMessageContaining("entry 1 (Ann): scope 'SITE:Z'");
        assertThatThrownBy(() -> load("stakeholders:\n  - { name: Ann, email: ann@example.com, locale: fr, scope: ORG }\n"))
                .hasMessageContaining("entry 1 (Ann): unknown locale 'fr'; reports are made in en, zh-CN");
    }

    @Test
    void aMissingFileIsAnErrorUnlessItIsTheDefaultOne() {
        assertThat(Stakeholders.load(folder.resolve("none.yml"), true, LOCALES, Set.of(), Set.of())).isEmpty();
        assertThatThrownBy(() -> Stakeholders.load(folder.resolve("none.yml"), false, LOCALES, Set.of(), Set.of()))
                .hasMessageEndingWith("none.yml): no such file");
    }
}
