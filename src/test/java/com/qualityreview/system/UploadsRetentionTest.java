package com.qualityreview.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads (and their rejects files) are deleted once older than quality.uploads.retention; newer ones stay. */
class UploadsRetentionTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path uploads;

    UploadsRetention retention(Duration kept) {
        QualityProperties properties = new QualityProperties("UTC", Path.of("r"), Path.of("o"), Path.of("i"), Path.of("s"), Path.of("k"),
                uploads, new QualityProperties.Uploads(kept), new QualityProperties.Jobs(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                List.of(), true);
        return new UploadsRetention(properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    Path upload(String name, Duration age) throws Exception {
        Path file = Files.writeString(uploads.resolve(name), "site_code,name,region_code,region_name\n");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    @Test
    void uploadsOlderThanTheRetentionAreDeletedWithTheirRejectsFiles() throws Exception {
        Path old = upload("20261001-100000-000-sites.csv", Duration.ofDays(31));
        Path oldRejects = upload("20261001-100000-000-sites.csv.rejects.csv", Duration.ofDays(31));
        Path recent = upload("20261110-100000-000-sites.csv", Duration.ofDays(10));
        Path folder = Files.createDirectories(uploads.resolve("kept-folder"));
        Files.setLastModifiedTime(folder, FileTime.from(NOW.minus(Duration.ofDays(90))));

        List<Path> deleted = retention(Duration.ofDays(30)).deleteOld();

        assertThat(deleted).containsExactly(old, oldRejects);
        assertThat(old).doesNotExist();
        assertThat(oldRejects).doesNotExist();
        assertThat(recent).exists();
        assertThat(folder).exists();
    }

    @Test
    void noUploadsFolderYetIsNothingToDelete() throws Exception {
        Files.delete(uploads);

        assertThat(retention(Duration.ofDays(30)).deleteOld()).isEmpty();
    }

    @Test
    void aRetentionThatIsNotPositiveStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> retention(Duration.ZERO)).hasMessage("quality.uploads.retention must be positive (such as P30D), was PT0S");
    }
}
