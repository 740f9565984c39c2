package com.qualityreview.reporting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.qualityreview.review.Period;

import org.springframework.core.io.Resource;
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
    List<ReportFiles.Revision> list(@RequestParam Optional<Period> period) {
        return reports.list(period);
    }

    @GetMapping("/api/reports/{period}/r{revision}/{file}")
    ResponseEntity<Resource> download(@PathVariable Period period, @PathVariable int revision, @PathVariable String file) {
        return ReportDownload.of(reports.file(period, revision, file));
    }
}
