package com.qualityreview.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.qualityreview.system.QualityProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the star rating scheme once at start. A scheme that cannot be read or makes no sense stops
 * the application with a message naming quality.rating-scheme.
 */
@Configuration(proxyBeanMethods = false)
class RatingSchemeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RatingSchemeConfiguration.class);
    static final Path DEFAULT_LOCATION = Path.of("jobs/star-rating.yml");

    @Bean
    RatingScheme ratingScheme(QualityProperties properties) {
        Path file = properties.ratingScheme();
        if (!Files.exists(file) && file.equals(DEFAULT_LOCATION)) {
            log.debug("no {} here; using the built-in default rating scheme", file);
            return RatingScheme.defaultScheme();
        }
        String source = "quality.rating-scheme (" + file + ")";
        try {
            return RatingScheme.parse(Files.readString(file), source);
        }
        catch (IOException e) {
            throw new IllegalStateException(source + ": cannot read the file: " + e, e);
        }
    }

    @Bean
    StarRater starRater(RatingScheme ratingScheme) {
        return new StarRater(ratingScheme);
    }
}
