package com.qualityreview.intake;

import java.util.Arrays;

import com.qualityreview.system.ConsolePage;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's import form: upload a CSV file of one kind; its import runs in the background. */
@ConsolePage
class ImportsPage {

    private final Imports imports;

    ImportsPage(Imports imports) {
        this.imports = imports;
    }

    @GetMapping("/imports")
    String form(Model model) {
        model.addAttribute("kinds", Arrays.stream(ImportKind.values()).map(ImportKind::fileName).toList());
        return "imports";
    }

    @PostMapping("/imports")
    String start(@RequestParam String kind, @RequestParam MultipartFile file, RedirectAttributes redirect) throws Exception {
        JobExecution execution = imports.startUpload(ImportKind.named(kind), file.getOriginalFilename(), file.getSize(), file);
        redirect.addFlashAttribute("message", "import of " + file.getOriginalFilename() + " started");
        return "redirect:/executions/" + execution.getId();
    }
}
