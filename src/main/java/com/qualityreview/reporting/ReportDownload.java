package com.qualityreview.reporting;

import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import java.nio.charset.StandardCharsets;

/** A report file as an attachment, with its own media type: how the API and the console serve downloads. */
final class ReportDownload {

    private ReportDownload() {
    }

    static ResponseEntity<Resource> of(Path file) {
        String name = file.getFileName().toString();
        MediaType type = name.endsWith(".pdf") ? MediaType.APPLICATION_PDF
                : name.endsWith(".csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }
}
