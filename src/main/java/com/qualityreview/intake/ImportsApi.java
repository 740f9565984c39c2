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
        String name = fileName(file.getOriginalFilename());
        JobExecution execution;
        try (InputStream content = file.getInputStream()) {
            execution = imports.startUpload(importKind, name, content);
        }
        audit.recordStart("start import", importKind.fileName() + " " + (name == null ? "(no name)" : name),
                "execution " + execution.getId(), execution);
        return execution;
    }

    /**
     * The name an upload is kept under: the last part of the name the client sent (a browser may
     * send a whole path), at most 100 characters; a name with no such part ("/", "..") is refused.
     */
    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return null;
        }
        String last = original.replace('\\', '/').substring(original.replace('\\', '/').lastIndexOf('/') + 1).strip();
        if (last.isEmpty() || last.equals(".") || last.equals("..") || last.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("file: '" + original.replaceAll("\\p{Cntrl}", "?") + "' is not a file name");
        }
        return last.length() > 100 ? last.substring(0, 100) : last;
    }
}
