package com.qualityreview.delivery.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.qualityreview.delivery.EmailAddresses;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads and checks the stakeholders file (quality.stakeholders). Every problem names the file and
 * the entry, and stops the delivery before anything is planned or sent.
 *
 * <pre>
 * stakeholders:
 *   - { name: Li Wei, email: li.wei@example.com, locale: zh-CN, scope: "REGION:CN-EAST" }
 * </pre>
 */
public final class Stakeholders {

    private Stakeholders() {
    }

    /** A missing file at the default location means no stakeholders; anywhere else it is an error. */
    public static List<Stakeholder> load(Path file, boolean defaultLocation, Set<Locale> locales, Set<String> regions, Set<String> sites) {
        String source = "quality.stakeholders (" + file + ")";
        if (!Files.exists(file)) {
            if (defaultLocation) {
                return List.of();
            }
            throw new IllegalStateException(source + ": no such file");
        }
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        }
        catch (IOException e) {
            throw new IllegalStateException(source + ": cannot read the file: " + e.getMessage(), e);
        }
        catch (RuntimeException e) {
            throw new IllegalStateException(source + ": not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
        if (document == null) {
            return List.of();
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("stakeholders") instanceof List<?> entries)) {
            throw new IllegalStateException(source + ": expected a list under 'stakeholders:'");
        }
        List<Stakeholder> stakeholders = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = source + ": entry " + (i + 1);
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalStateException(where + ": expected name, email, locale and scope");
            }
            String name = text(entry, "name", where);
            where += " (" + name + ")";
            for (Object key : entry.keySet()) {
                if (!Set.of("name", "email", "locale", "scope").contains(String.valueOf(key))) {
                    throw new IllegalStateException(where + ": unknown key '" + key + "'");
                }
            }
            String email = text(entry, "email", where);
            if (!EmailAddresses.isValid(email)) {
                throw new IllegalStateException(where + ": '" + email + "' is not a valid email address");
            }
            String localeText = text(entry, "locale", where);
            Locale locale = Locale.forLanguageTag(localeText);
            if (!locales.contains(locale)) {
                throw new IllegalStateException(where + ": unknown locale '" + localeText + "'; reports are made in "
                        + String.join(", ", locales.stream().map(Locale::toLanguageTag).sorted().toList()));
            }
            String scope = text(entry, "scope", where);
            String type;
            String code;
            if (scope.equals("ORG")) {
                type = "ORG";
                code = "ORG";
            }
            else if (scope.startsWith("REGION:") && regions.contains(scope.substring(7))) {
                type = "REGION";
                code = scope.substring(7);
            }
            else if (scope.startsWith("SITE:") && sites.contains(scope.substring(5))) {
                type = "SITE";
                code = scope.substring(5);
            }
            else {
                throw new IllegalStateException(where + ": scope '" + scope + "' is not ORG, nor REGION:<code> of a known region,"
                        + " nor SITE:<code> of a reviewed site");
            }
            stakeholders.add(new Stakeholder(name, email, locale, type, code));
        }
        return stakeholders;
    }

    private static String text(Map<?, ?> entry, String key, String where) {
        Object value = entry.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalStateException(where + ": '" + key + "' is missing");
        }
        return String.valueOf(value).strip();
    }
}
