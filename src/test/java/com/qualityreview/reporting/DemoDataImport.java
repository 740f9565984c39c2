package com.qualityreview.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;

import com.qualityreview.demo.DemoData;
import com.qualityreview.demo.DemoFiles;
import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.Imports;

import org.springframework.batch.core.BatchStatus;

/** The demo's data up to a month, imported as the demo command imports it (reference data first), each import completed. */
final class DemoDataImport {

    private static final List<ImportKind> IMPORT_ORDER = List.of(ImportKind.SITES, ImportKind.CRITERIA, ImportKind.KPI_DEFINITIONS,
            ImportKind.FEEDBACK, ImportKind.AUDITS, ImportKind.KPIS);

    private DemoDataImport() {
    }

    static void importUpTo(Imports imports, YearMonth month) throws Exception {
        DemoFiles files = DemoData.writeTo(Files.createTempDirectory("demo"), month);
        for (int i = 0; i < IMPORT_ORDER.size(); i++) {
            assertThat(imports.run(IMPORT_ORDER.get(i), files.inImportOrder().get(i)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
    }
}
