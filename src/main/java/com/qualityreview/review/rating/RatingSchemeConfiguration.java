package com.qualityreview.review.rating;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        String text;
        try {
            text = Files.readString(file);
        }
        catch (IOException e) {
            throw new IllegalStateException("quality.rating-scheme: " + unreadable(file, e) + "; set it to a rating scheme file"
                    + " (YAML, see docs/review.md), or leave it unset for " + DEFAULT_LOCATION + " or the built-in default", e);
        }
        return RatingScheme.parse(text, source);
    }

    /** Why the scheme file cannot be read, in words. */
    private static String unreadable(Path file, IOException e) {
        Path absolute = file.toAbsolutePath().normalize();
        String named = file.isAbsolute() ? file.toString() : file + " (" + absolute + ")";
        if (e instanceof NoSuchFileException) {
            return "there is no file " + named;
        }
        if (Files.isDirectory(file)) {
            return named + " is a folder, not a file";
        }
        if (e instanceof CharacterCodingException) {
            return named + " is not a text file in UTF-8";
        }
        if (e instanceof AccessDeniedException) {
            return named + " cannot be read by this user (permission denied)";
        }
        return named + " cannot be read (" + e.getMessage() + ")";
    }

    @Bean
    StarRater starRater(RatingScheme ratingScheme) {
        return new StarRater(ratingScheme);
    }
}
