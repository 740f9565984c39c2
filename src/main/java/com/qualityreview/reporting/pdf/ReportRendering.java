package com.qualityreview.reporting.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.qualityreview.reporting.ReportFileName;
import com.qualityreview.reporting.CategoryNames;
import com.qualityreview.reporting.ReportingProperties;
import com.qualityreview.review.ReviewProperties;
import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.system.WorkProgress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Renders every report of a review — the executive report, one per region and one per site, in
 * each configured language — in parallel, into the review's folder. File names say scope and
 * language ({@link ReportFileName}): {@code executive.en.pdf}, {@code region-<code>.zh-CN.pdf},
 * {@code site-<code>.en.pdf}.
 */
@Component
public class ReportRendering {

    private static final Logger log = LoggerFactory.getLogger(ReportRendering.class);
    static final int COMMENTS_PER_KIND = 4;
    /** A sample a reader takes in at a glance, yet with room for several sites. */
    static final int REGION_COMMENTS = 10;

    private final ReportTemplates templates;
    private final ReviewResults results;
    private final List<Locale> locales;
    private final int threads;
    private final CategoryNames categoryNames;
    private final long driverMinRows;

    ReportRendering(ReportTemplates templates, ReviewResults results, ReportingProperties settings, CategoryNames categoryNames,
            ReviewProperties review) {
        this.templates = templates;
        this.driverMinRows = review.review().driverMinRows();
        this.categoryNames = categoryNames;
        this.results = results;
        this.locales = settings.languages();
        this.threads = settings.renderThreads();
    }

    /** One report written: its scope, language and file. */
    public record RenderedReport(String scopeType, String scopeCode, Locale locale, Path file) {
    }

    /** @return the reports written, each told to {@code progress} as it is written */
    public List<RenderedReport> render(ReviewResult result, Path folder, WorkProgress progress) throws Exception {
        Files.createDirectories(folder);
        ZonedDateTime now = ZonedDateTime.now(result.zone());
        List<Task> tasks = new ArrayList<>();
        for (Locale locale : locales) {
            // One model per language: it is read-only once built, so the report threads share it.
            ReportModel model = new ReportModel(result, locale, now, categoryNames, driverMinRows);
            RenderedReport executive = report(folder, "ORG", "ORG", locale);
            tasks.add(new Task(executive, () ->
                    PdfReports.write(templates.get(ReportTemplates.Template.OVERVIEW), model.executive(),
                            locale, "Executive report " + result.period(), executive.file())));
            for (ReviewResult.Scope region : result.regions()) {
                RenderedReport report = report(folder, "REGION", region.code(), locale);
                tasks.add(new Task(report, () -> PdfReports.write(templates.get(ReportTemplates.Template.OVERVIEW),
                        model.region(region, results.sampleRegionComments(result.period(), result.zone(),
                                result.sitesOf(region).stream().map(ReviewResult.Scope::code).toList(), REGION_COMMENTS)),
                        locale, "Region report " + region.code(), report.file())));
            }
            for (ReviewResult.Scope site : result.sites()) {
                RenderedReport report = report(folder, "SITE", site.code(), locale);
                tasks.add(new Task(report, () -> PdfReports.write(templates.get(ReportTemplates.Template.SITE),
                        model.site(site, results.sampleComments(result.period(), result.zone(),
                                site.code(), COMMENTS_PER_KIND)), locale, "Site report " + site.code(), report.file())));
            }
        }
        List<RenderedReport> reports = tasks.stream().map(Task::report).toList();
        requireDistinctFiles(reports);
        // Every report is rendered again on a restart (a rerun gives the same files): nothing counts as already done.
        progress.started(tasks.size(), 0);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Task task : tasks) {
                running.add(pool.submit(() -> {
                    task.work().run();
                    progress.oneDone();
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info("rendered {} reports in {} s ({} reports/s) to {}", tasks.size(), String.format("%.1f", seconds),
                String.format("%.1f", tasks.size() / seconds), folder);
        return reports;
    }

    private static RenderedReport report(Path folder, String scopeType, String scopeCode, Locale locale) {
        return new RenderedReport(scopeType, scopeCode, locale, folder.resolve(ReportFileName.of(scopeType, scopeCode, locale)));
    }

    /**
     * A guard: the naming rule keeps scopes apart, but if two reports ever got one name, parallel
     * renders would overwrite each other and a stakeholder could get another scope's PDF. Names are
     * compared ignoring case, as a case-insensitive file system would.
     */
    public static void requireDistinctFiles(List<RenderedReport> reports) {
        Map<String, RenderedReport> byName = new HashMap<>();
        for (RenderedReport report : reports) {
            RenderedReport other = byName.putIfAbsent(report.file().getFileName().toString().toLowerCase(Locale.ROOT), report);
            if (other != null) {
                String one = other.file().getFileName().toString();
                String two = report.file().getFileName().toString();
                throw new IllegalStateException("the reports of " + describe(other) + " and " + describe(report)
                        + " would share one file name (" + (one.equals(two) ? one : one + " and " + two + " differ only in case")
                        + "); change one of the codes");
            }
        }
    }

    private static String describe(RenderedReport report) {
        return report.scopeType() + " '" + report.scopeCode() + "' (" + report.locale().toLanguageTag() + ")";
    }

    private record Task(RenderedReport report, Runnable work) {
    }
}
