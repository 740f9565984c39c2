package com.qualityreview.intake;

import java.io.InputStream;
import java.util.Map;

import com.qualityreview.security.AuditLog;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/imports} (multipart: kind, file): starts the import of an uploaded file. */
@RestController
class ImportsApi {

    private final Imports imports;
    private final AuditLog audit;

    ImportsApi(Imports imports, AuditLog audit) {
        this.imports = imports;
        this.audit = audit;
    }

    @PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> start(@RequestParam String kind, @RequestParam MultipartFile file) throws Exception {
        JobExecution execution = startUpload(imports, audit, kind, file);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", execution.getId(),
                "kind", execution.getJobParameters().getString("kind"), "file", execution.getJobParameters().getString("file")));
    }

    /** Checks the request, starts the import of the uploaded file and audits it (the API and the console). */
    static JobExecution startUpload(Imports imports, AuditLog audit, String kind, MultipartFile file) throws Exception {
        ImportKind importKind = ImportKind.named(kind);
        if (file.isEmpty()) {
            throw new IllegalArgumentException("file: '" + file.getOriginalFilename() + "' is missing or empty");
        }
        JobExecution execution;
        try (InputStream content = file.getInputStream()) {
            execution = imports.startUpload(importKind, file.getOriginalFilename(), content);
        }
        audit.record("start import", importKind.fileName() + " " + file.getOriginalFilename(), "execution " + execution.getId());
        return execution;
    }
}
