package com.qualityreview.scale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code quality.scale.*} ({@link ScaleProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScaleProperties.class)
class ScaleConfiguration {
}
