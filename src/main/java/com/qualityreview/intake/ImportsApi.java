package com.qualityreview.intake;

import java.util.Map;

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

    ImportsApi(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> start(@RequestParam String kind, @RequestParam MultipartFile file) throws Exception {
        JobExecution execution = imports.startUpload(ImportKind.named(kind), file.getOriginalFilename(), file.getSize(), file);
        ImportRequest request = ImportRequest.from(execution.getJobParameters());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", execution.getId(),
                "kind", request.kind().fileName(), "file", request.file().toString()));
    }
}
