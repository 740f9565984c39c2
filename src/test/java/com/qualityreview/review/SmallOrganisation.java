package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.Imports;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The small organisation of {@link ReviewJobTests}, whose figures are worked out by hand there. */
public final class SmallOrganisation {

    public static final String HEADER = ReviewJobTests.HEADER;

    private SmallOrganisation() {
    }

    public static void load(Imports imports, Path folder) throws Exception {
        load(imports, folder, ImportKind.SITES, "site_code,name,region_code,region_name\nA,Alpha 甲,R1,Region one\nB,Beta,R1,Region one\nC,Gamma,R2,Region two\n");
        load(imports, folder, ImportKind.CRITERIA, "criterion_code,name,dimension,points,mandatory_from_star\n"
                + "CLEAN,Clean,TANGIBLES,2,0\nSAFE,Safe,ASSURANCE,3,3\n");
        load(imports, folder, ImportKind.KPI_DEFINITIONS, "kpi_code,name,unit,direction,target,aggregation\n"
                + "WAIT,Wait,min,LOWER_BETTER,10,MEAN\nSALES,Sales,CNY,HIGHER_BETTER,100,SUM\n");
        load(imports, folder, ImportKind.FEEDBACK, HEADER
                + "F1,A,2026-10-01T10:00:00Z,APP,5,10,4,false,,true,2\n"
                + "F2,A,2026-10-31T23:59:59Z,APP,4,9,,true,wait,false,4\n"
                + "F3,B,2026-10-10T10:00:00+08:00,WEB,1,0,2,true,STAFF,,\n"
                + "F4,B,2026-10-11T10:00:00Z,WEB,2,7,,true,WAIT,,\n"
                + "F5,B,2026-10-12T10:00:00Z,WEB,3,,,false,,,\n"
                + "F6,C,2026-10-13T10:00:00Z,PHONE,,,,false,,,\n"
                + "P1,A,2026-09-30T23:59:59Z,APP,1,0,,true,STAFF,,\n"        // previous month
                + "N1,A,2026-11-01T00:00:00Z,APP,1,0,,true,STAFF,,\n");      // next month
        load(imports, folder, ImportKind.AUDITS, "audit_id,site_code,audited_on,audit_type,auditor,criterion_code,result\n"
                + "X1,A,2026-10-05,INTERNAL,Ann,CLEAN,PASS\nX1,A,2026-10-05,INTERNAL,Ann,SAFE,FAIL\n"
                + "X2,C,2026-10-31,EXTERNAL,Bo,CLEAN,NA\nX2,C,2026-10-31,EXTERNAL,Bo,SAFE,PASS\n"
                + "X0,B,2026-09-30,EXTERNAL,Bo,SAFE,PASS\n");
        load(imports, folder, ImportKind.KPIS, "site_code,kpi_code,measured_on,value\n"
                + "A,WAIT,2026-10-01,8\nA,WAIT,2026-10-15,12\nA,SALES,2026-10-01,60\nA,SALES,2026-10-20,50\nB,WAIT,2026-10-02,20\n"
                + "B,WAIT,2026-11-01,1\n");
    }

    public static void load(Imports imports, Path folder, ImportKind kind, String csv) throws Exception {
        Path file = Files.writeString(folder.resolve(kind.fileName() + ".csv"), csv);
        JobExecution execution = imports.run(kind, file);
        assertThat(execution.getStatus()).as(imports.failureMessage(execution)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(imports.counts(execution).orElseThrow().rejected()).isZero();
    }
}
