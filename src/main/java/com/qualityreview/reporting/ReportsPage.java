package com.qualityreview.reporting;

import java.util.Optional;

import com.qualityreview.review.Period;
import com.qualityreview.system.ConsolePage;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's reports page: each review revision with its files to download. */
@ConsolePage
class ReportsPage {

    private final ReportFiles reports;

    ReportsPage(ReportFiles reports) {
        this.reports = reports;
    }

    /** The period as typed: left empty, it filters nothing. */
    @GetMapping("/reports")
    String list(@RequestParam Optional<String> period, Model model) {
        Optional<String> chosen = period.filter(p -> !p.isBlank());
        model.addAttribute("period", chosen.orElse(""));
        model.addAttribute("revisions", reports.list(chosen.map(Period::parse)));
        return "reports";
    }

    @GetMapping("/reports/{period}/r{revision}/{file}")
    ResponseEntity<Resource> download(@PathVariable Period period, @PathVariable int revision, @PathVariable String file) {
        return ReportDownload.of(reports.file(period, revision, file));
    }
}
