package com.qualityreview.execution;

import java.util.Optional;

import com.qualityreview.system.ConsolePage;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's home (recent executions, start a review) and one execution's page. */
@ConsolePage
class ExecutionsPage {

    private final Executions executions;

    ExecutionsPage(Executions executions) {
        this.executions = executions;
    }

    @GetMapping("/")
    String home(@RequestParam Optional<String> job, @RequestParam Optional<String> status, Model model) {
        Optional<String> chosenJob = job.filter(j -> !j.isBlank());
        Optional<String> chosenStatus = status.filter(s -> !s.isBlank());
        model.addAttribute("jobs", executions.jobNames());
        model.addAttribute("job", chosenJob.orElse(""));
        model.addAttribute("status", chosenStatus.orElse(""));
        model.addAttribute("executions", executions.recent(chosenJob, chosenStatus.map(Executions::batchStatus), 30).stream()
                .map(executions::view).map(ExecutionView::forCurrentUser).toList());
        return "executions";
    }

    @GetMapping("/executions/{id}")
    String execution(@PathVariable long id, Model model) {
        model.addAttribute("execution", executions.view(id).forCurrentUser());
        return "execution";
    }

    /** What the page polls while the execution runs. */
    @GetMapping(path = "/executions/{id}/progress", produces = "application/json")
    @ResponseBody
    ExecutionView progress(@PathVariable long id) {
        return executions.view(id).forCurrentUser();
    }

    @PostMapping("/executions/{id}/stop")
    String stop(@PathVariable long id, RedirectAttributes redirect) throws InterruptedException {
        executions.stop(id);
        redirect.addFlashAttribute("message", "execution " + id + " is stopping: it ends after its current chunk");
        return "redirect:/executions/" + id;
    }

    @PostMapping("/executions/{id}/restart")
    String restart(@PathVariable long id, RedirectAttributes redirect)
            throws Exception {
        JobExecution restarted = executions.restartInBackground(id);
        redirect.addFlashAttribute("message", "execution " + id + " restarted as execution " + restarted.getId());
        return "redirect:/executions/" + restarted.getId();
    }
}
