package com.qualityreview.system;

import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts jobs without waiting for them, for the API and the console: the execution exists (with
 * its id) when the call returns, and runs on one of two job threads. Also restarts for the command
 * line, which waits ({@link #restartAndWait}).
 */
@Component
public class BackgroundJobs implements DisposableBean {

    private final ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
    private final JobRepository jobRepository;
    private final ObjectProvider<Job> jobs;
    private final Leases leases;
    private Operators operators;

    /** Both over one registry of every job: one runs jobs on the job threads, the other in the caller's thread. */
    private record Operators(TaskExecutorJobOperator background, TaskExecutorJobOperator waiting) {
    }

    // The jobs are looked up on first use: some of them start jobs through this class themselves.
    BackgroundJobs(JobRepository jobRepository, ObjectProvider<Job> jobs, Leases leases) {
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.leases = leases;
        // Two at a time suits the two cores jobs were sized for; more wait their turn as STARTING.
        threads.setCorePoolSize(2);
        threads.setMaxPoolSize(2);
        threads.setThreadNamePrefix("job-");
        threads.initialize();
    }

    public JobExecution start(Job job, JobParameters parameters) throws Exception {
        return leased(operators().background().start(job, parameters));
    }

    public JobExecution restart(JobExecution execution) throws Exception {
        return leased(operators().background().restart(execution));
    }

    /** An execution waiting for a job thread is this process's too: leased before anyone can see it unleased for long. */
    private JobExecution leased(JobExecution execution) {
        if (execution.getStatus().isRunning()) {
            leases.hold(execution.getId());
        }
        return execution;
    }

    /**
     * Restarts an execution and waits for its end (the command line). Here rather than through
     * Spring Batch's job operator, whose registry misses jobs that themselves start jobs (it is
     * filled while those are still being created).
     */
    public JobExecution restartAndWait(JobExecution execution) throws Exception {
        return operators().waiting().restart(execution);
    }

    private synchronized Operators operators() throws Exception {
        if (operators == null) {
            MapJobRegistry registry = new MapJobRegistry();
            for (Job job : jobs) {
                registry.register(job);
            }
            operators = new Operators(operator(registry, threads), operator(registry, new SyncTaskExecutor()));
        }
        return operators;
    }

    private TaskExecutorJobOperator operator(MapJobRegistry registry, TaskExecutor executor) throws Exception {
        TaskExecutorJobOperator created = new TaskExecutorJobOperator();
        created.setJobRepository(jobRepository);
        created.setJobRegistry(registry);
        created.setTaskExecutor(executor);
        created.afterPropertiesSet();
        return created;
    }

    @Override
    public void destroy() {
        threads.shutdown();
    }
}
