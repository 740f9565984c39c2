package com.qualityreview.delivery.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.qualityreview.delivery.mail.Stakeholder;
import com.qualityreview.delivery.mail.Stakeholders;
import com.qualityreview.reporting.ReportFiles;
import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewRun;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Plans the review's deliveries: one per stakeholder ({@link Stakeholders}) in the outbox, each
 * with the report file rendered for the stakeholder's scope and language.
 */
class PlanDeliveriesTasklet implements Tasklet {

    private final ReviewResults results;
    private final DeliveryStore store;
    private final ReportFiles reports;
    private final Path stakeholdersFile;
    private final boolean defaultStakeholders;
    private final Set<Locale> locales;

    PlanDeliveriesTasklet(ReviewResults results, DeliveryStore store, ReportFiles reports, Path stakeholdersFile,
            boolean defaultStakeholders, Set<Locale> locales) {
        this.results = results;
        this.store = store;
        this.reports = reports;
        this.stakeholdersFile = stakeholdersFile;
        this.defaultStakeholders = defaultStakeholders;
        this.locales = locales;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var run = ReviewRun.from(contribution.getStepExecution().getJobParameters());
        ReviewResult result = results.load(run.period(), run.revision()).orElseThrow();
        List<Stakeholder> stakeholders = Stakeholders.load(stakeholdersFile, defaultStakeholders, locales, codes(result.regions()),
                codes(result.sites()));
        // The file rendering recorded for the stakeholder's scope and language, never a name built here.
        store.plan(run.period().toString(), run.revision(), stakeholders,
                s -> reports.fileOf(run.period(), run.revision(), s.scopeType(), s.scopeCode(), s.locale())
                        .orElseThrow(() -> new IllegalStateException("no report of " + s.scope() + " in "
                                + s.locale().toLanguageTag() + " was rendered for " + run.period() + " r" + run.revision())));
        return RepeatStatus.FINISHED;
    }

    private static Set<String> codes(List<ReviewResult.Scope> scopes) {
        return scopes.stream().map(ReviewResult.Scope::code).collect(Collectors.toSet());
    }
}
