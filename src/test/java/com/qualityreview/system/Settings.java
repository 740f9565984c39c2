package com.qualityreview.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds a settings record as the application does, from {@code name=value} pairs only (no application.yml). */
public final class Settings {

    private Settings() {
    }

    /** The record of these settings; with none given, all its defaults. */
    public static <T> T bind(Class<T> type, String... settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            values.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }
}
