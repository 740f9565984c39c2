package com.qualityreview.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's own settings ({@code quality.*}) as the build describes them in
 * {@code META-INF/spring-configuration-metadata.json} (written by spring-boot-configuration-processor
 * from the *Properties records), to refuse a misspelt one before anything runs. Read without Spring
 * and without a JSON library: help and usage errors must answer at once.
 */
public final class KnownSettings {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    public static final String PREFIX = "quality.";

    // One property entry of the metadata; its name and type are plain JSON strings.
    private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*\"name\"\\s*:\\s*\"([^\"]+)\"[^{}]*}");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    /** Setting name to whether it holds a list or map (whose elements are named below it: quality.users[0].name). */
    private final Map<String, Boolean> settings;

    KnownSettings(Map<String, Boolean> settings) {
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    public static KnownSettings fromClassPath() {
        Map<String, Boolean> settings = new TreeMap<>();
        try {
            for (URL url : Collections.list(KnownSettings.class.getClassLoader().getResources(METADATA))) {
                try (InputStream in = url.openStream()) {
                    Matcher entry = ENTRY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (entry.find()) {
                        if (entry.group(1).startsWith(PREFIX)) {
                            Matcher type = TYPE.matcher(entry.group());
                            settings.put(entry.group(1), type.find() && isContainer(type.group(1)));
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + METADATA + " from the class path", e);
        }
        return new KnownSettings(settings);
    }

    private static boolean isContainer(String type) {
        return type.startsWith("java.util.List") || type.startsWith("java.util.Set") || type.startsWith("java.util.Map")
                || type.startsWith("java.util.Collection") || type.endsWith("[]");
    }

    /** The names, in the form the README's configuration table gives them. */
    public java.util.Set<String> names() {
        return settings.keySet();
    }

    /**
     * Whether a {@code quality.*} option names a setting, as Spring Boot binds it: indices
     * ({@code [0]}) and the elements of a list or map below its name, any case, camelCase or kebab-case.
     */
    public boolean knows(String option) {
        String wanted = canonical(option);
        return settings.entrySet().stream().anyMatch(setting -> {
            String name = canonical(setting.getKey());
            return wanted.equals(name) || setting.getValue() && wanted.startsWith(name + ".");
        });
    }

    /** What Spring Boot's relaxed binding compares: no indices, no dashes or underscores, lower case. */
    static String canonical(String option) {
        return withoutIndices(option).replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    static String withoutIndices(String option) {
        return option.replaceAll("\\[[^]]*]", "");
    }
}
