package com.qualityreview.reporting.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.qualityreview.reporting.ReportFileName;
import com.qualityreview.reporting.CategoryNames;
import com.qualityreview.reporting.ReportingProperties;
import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewProperties;
import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.system.WorkProgress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Renders the reports of a review — the executive report, one per region and one per site, in
 * each configured language — in parallel, into the review's folder; a render partition renders
 * a range of the scopes ({@link ScopeRangePartitioner}). File names say scope and
 * language ({@link ReportFileName}): {@code executive.en.pdf}, {@code region-<code>.zh-CN.pdf},
 * {@code site-<code>.en.pdf}.
 */
@Component
public class ReportRendering implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReportRendering.class);
    static final int COMMENTS_PER_KIND = 4;
    /** A sample a reader takes in at a glance, yet with room for several sites. */
    static final int REGION_COMMENTS = 10;

    private final ReportTemplates templates;
    private final ReviewResults results;
    private final List<Locale> locales;
    /**
     * Shared by every range rendered at once in this process (local partitions), so that they
     * together use {@code quality.reports.threads} threads and hold that many reports in memory.
     */
    private final ExecutorService pool;
    private final CategoryNames categoryNames;
    private final long driverMinRows;

    ReportRendering(ReportTemplates templates, ReviewResults results, ReportingProperties settings, CategoryNames categoryNames,
            ReviewProperties review) {
        this.templates = templates;
        this.driverMinRows = review.review().driverMinRows();
        this.categoryNames = categoryNames;
        this.results = results;
        this.locales = settings.languages();
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.renderThreads(), work -> {
            Thread thread = new Thread(work, "render-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One report written: its scope, language and file. */
    public record RenderedReport(String scopeType, String scopeCode, Locale locale, Path file) {
    }

    /** The organisation, as a scope whose reports are the executive reports. */
    static final ReviewResults.ScopeKey ORGANISATION = new ReviewResults.ScopeKey("ORG", "ORG");

    /**
     * Every scope of a review with reports, in a fixed order: the organisation, the regions by
     * code, the sites by code. Read from what the review stored, without loading its figures.
     */
    List<ReviewResults.ScopeKey> scopesOf(Period period, int revision) {
        List<ReviewResults.ScopeKey> scopes = new ArrayList<>();
        scopes.add(ORGANISATION);
        results.scopes(period, revision).stream().filter(scope -> !scope.type().equals(ORGANISATION.type())).forEach(scopes::add);
        return scopes;
    }

    /** The same scopes as {@link #scopesOf(Period, int)}, in the same order, from a loaded review. */
    static List<ReviewResults.ScopeKey> scopesOf(ReviewResult result) {
        List<ReviewResults.ScopeKey> scopes = new ArrayList<>();
        scopes.add(ORGANISATION);
        Stream.concat(result.regions().stream(), result.sites().stream())
                .forEach(scope -> scopes.add(new ReviewResults.ScopeKey(scope.type(), scope.code())));
        return scopes;
    }

    /** The reports of {@code scopes} in every language, as they will be written into {@code folder}. */
    List<RenderedReport> reportsOf(List<ReviewResults.ScopeKey> scopes, Path folder) {
        return locales.stream().flatMap(locale -> scopes.stream().map(scope -> report(folder, scope.type(), scope.code(), locale)))
                .toList();
    }

    /** How many reports a scope has: one per language. */
    int reportsPerScope() {
        return locales.size();
    }

    /**
     * Renders the reports of the scopes in {@code range} (all languages of each), on the shared
     * render threads. The caller has checked that the names of all the review's reports differ
     * ({@link #requireDistinctFiles}): a range alone cannot tell.
     *
     * @return the reports written, each told to {@code progress} as it is written
     */
    public List<RenderedReport> render(ReviewResult result, Set<ReviewResults.ScopeKey> range, Path folder, WorkProgress progress)
            throws Exception {
        Files.createDirectories(folder);
        ZonedDateTime now = ZonedDateTime.now(result.zone());
        List<Task> tasks = new ArrayList<>();
        for (Locale locale : locales) {
            // One model per language: it is read-only once built, so the report threads share it.
            ReportModel model = new ReportModel(result, locale, now, categoryNames, driverMinRows);
            if (range.contains(ORGANISATION)) {
                RenderedReport executive = report(folder, ORGANISATION.type(), ORGANISATION.code(), locale);
                tasks.add(new Task(executive, () ->
                        PdfReports.write(templates.get(ReportTemplates.Template.OVERVIEW), model.executive(),
                                locale, "Executive report " + result.period(), executive.file())));
            }
            for (ReviewResult.Scope region : inRange(result.regions(), range)) {
                RenderedReport report = report(folder, "REGION", region.code(), locale);
                tasks.add(new Task(report, () -> PdfReports.write(templates.get(ReportTemplates.Template.OVERVIEW),
                        model.region(region, results.sampleRegionComments(result.period(), result.zone(),
                                result.sitesOf(region).stream().map(ReviewResult.Scope::code).toList(), REGION_COMMENTS)),
                        locale, "Region report " + region.code(), report.file())));
            }
            for (ReviewResult.Scope site : inRange(result.sites(), range)) {
                RenderedReport report = report(folder, "SITE", site.code(), locale);
                tasks.add(new Task(report, () -> PdfReports.write(templates.get(ReportTemplates.Template.SITE),
                        model.site(site, results.sampleComments(result.period(), result.zone(),
                                site.code(), COMMENTS_PER_KIND)), locale, "Site report " + site.code(), report.file())));
            }
        }
        // Every report of the range is rendered again on a restart (a rerun gives the same files): nothing counts as already done.
        progress.started(tasks.size(), 0);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        try {
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
            // After a failure the range's other reports are not wanted: free the shared threads for other ranges.
            running.forEach(future -> future.cancel(true));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info("rendered {} reports in {} s ({} reports/s) to {}", tasks.size(), String.format("%.1f", seconds),
                String.format("%.1f", tasks.size() / seconds), folder);
        return tasks.stream().map(Task::report).toList();
    }

    private static List<ReviewResult.Scope> inRange(List<ReviewResult.Scope> scopes, Set<ReviewResults.ScopeKey> range) {
        return scopes.stream().filter(scope -> range.contains(new ReviewResults.ScopeKey(scope.type(), scope.code()))).toList();
    }

    /** The render threads end with the application. */
    @Override
    public void destroy() {
        pool.shutdownNow();
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
