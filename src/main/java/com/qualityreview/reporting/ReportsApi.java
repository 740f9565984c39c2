package com.qualityreview.reporting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.qualityreview.review.Period;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review revisions with their report files, and downloads of one file. */
@RestController
class ReportsApi {

    private final ReportFiles reports;

    ReportsApi(ReportFiles reports) {
        this.reports = reports;
    }

    @GetMapping("/api/reports")
    List<ReportFiles.Revision> list(@RequestParam Optional<String> period) {
        return reports.list(period.map(Period::parse));
    }

    @GetMapping("/api/reports/{period}/r{revision}/{file}")
    ResponseEntity<Resource> download(@PathVariable String period, @PathVariable int revision, @PathVariable String file) {
        return download(reports.file(Period.parse(period), revision, file));
    }

    /** A report file as an attachment, with its own media type; also how the console serves downloads. */
    static ResponseEntity<Resource> download(Path file) {
        String name = file.getFileName().toString();
        MediaType type = name.endsWith(".pdf") ? MediaType.APPLICATION_PDF
                : name.endsWith(".csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }
}
