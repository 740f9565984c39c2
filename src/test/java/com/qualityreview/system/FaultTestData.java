package com.qualityreview.system;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Input files for the fault tests, generated from a seed (the same seed, the same bytes), with
 * what they must lead to worked out while writing them rather than by the application.
 */
public final class FaultTestData {

    public static final String PERIOD = "2026-10";
    public static final String FEEDBACK_HEADER = "feedback_id,site_code,submitted_at,channel,csat,nps,reliability,"
            + "responsiveness,assurance,empathy,tangibles,complaint,category,first_contact_resolved,resolution_hours,comment";

    private static final String[] CHANNELS = {"SURVEY", "PHONE", "EMAIL", "APP", "WEB", "IN_PERSON"};
    private static final String[] CATEGORIES = {"WAIT", "STAFF", "PRICE", "CLEAN"};
    private static final String[] COMMENTS = {"", "fine", "Friendly staff, quick \"service\"", "排队时间太长", "服务很好 👍",
            "Could be cleaner", ""};

    private FaultTestData() {
    }

    /** A feedback file and what importing it must store. */
    public record FeedbackFile(Path file, int rows, List<Long> rejectedLines, long goodRows, long csatSumOfGoodRows,
            long complaintsOfGoodRows) {
    }

    /**
     * {@code rows} feedback rows spread over {@code sites}, every {@code rejectEvery}-th with a csat
     * of 9 (out of range, so rejected). Rows stay on one line each, so row i is on line i + 1.
     */
    public static FeedbackFile feedback(Path file, int rows, List<String> sites, int rejectEvery, long seed) {
        Random random = new Random(seed);
        List<Long> rejected = new ArrayList<>();
        long csatSum = 0;
        long complaints = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(FEEDBACK_HEADER + "\n");
            for (int i = 1; i <= rows; i++) {
                boolean bad = i % rejectEvery == 0;
                FeedbackRow row = FeedbackRow.random(random, "F" + i, sites.get(i % sites.size()), 1 + i % 31);
                if (bad) {
                    row = row.withCsat("9");
                    rejected.add(i + 1L);
                }
                else {
                    csatSum += row.csat().isEmpty() ? 0 : Integer.parseInt(row.csat());
                    complaints += row.complaint() ? 1 : 0;
                }
                out.write(row.csv() + "\n");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FeedbackFile(file, rows, List.copyOf(rejected), rows - rejected.size(), csatSum, complaints);
    }

    /** An organisation written as the six input files, and its figures worked out here. */
    public record Organisation(List<String> sites, Map<String, String> regionOfSite, Map<String, Long> feedbackByRegion,
            long feedback) {
    }

    /**
     * {@code siteCount} sites in {@code regionCount} regions, each with 1 to 2 × {@code feedbackPerSite}
     * feedback rows in {@link #PERIOD} (and about half as many the month before, for changes), an
     * audit of three criteria and KPI rows: the six files of SPEC section 2 in {@code folder},
     * named so that {@code scan-inbound} imports them in order.
     */
    public static Organisation organisation(Path folder, int siteCount, int regionCount, int feedbackPerSite, long seed) {
        Random random = new Random(seed);
        List<String> sites = new ArrayList<>();
        Map<String, String> regionOfSite = new LinkedHashMap<>();
        Map<String, Long> feedbackByRegion = new TreeMap<>();
        StringBuilder siteRows = new StringBuilder("site_code,name,region_code,region_name,active\n");
        StringBuilder feedback = new StringBuilder(FEEDBACK_HEADER + "\n");
        StringBuilder audits = new StringBuilder("audit_id,site_code,audited_on,audit_type,auditor,criterion_code,result\n");
        StringBuilder kpis = new StringBuilder("site_code,kpi_code,measured_on,value\n");
        long total = 0;
        for (int s = 1; s <= siteCount; s++) {
            String site = String.format("S%04d", s);
            String region = String.format("R%02d", 1 + s % regionCount);
            sites.add(site);
            regionOfSite.put(site, region);
            siteRows.append(site).append(",Site ").append(s).append(" 站点,").append(region).append(",Region ")
                    .append(region).append(" 区域,true\n");
            int current = 1 + random.nextInt(2 * feedbackPerSite);
            for (int f = 1; f <= current; f++) {
                feedback.append(FeedbackRow.random(random, site + "-" + f, site, 1 + random.nextInt(31)).csv()).append('\n');
            }
            for (int f = 1; f <= current / 2; f++) {
                feedback.append(FeedbackRow.random(random, site + "-P" + f, site, 1 + random.nextInt(30)).previousMonth().csv())
                        .append('\n');
            }
            feedbackByRegion.merge(region, (long) current, Long::sum);
            total += current;
            String[] results = {"PASS", "PASS", "PASS", "FAIL", "NA"};
            for (String criterion : List.of("CLEAN", "SAFE", "GREET")) {
                audits.append("A-").append(site).append(',').append(site).append(",2026-10-").append(String.format("%02d", 1 + s % 28))
                        .append(",INTERNAL,Auditor ").append(1 + s % 3).append(',').append(criterion).append(',')
                        .append(results[random.nextInt(results.length)]).append('\n');
            }
            for (int k = 1; k <= 3; k++) {
                kpis.append(site).append(",WAIT,2026-10-").append(String.format("%02d", k * 9)).append(',')
                        .append(4 + random.nextInt(9)).append(".5\n");
            }
            kpis.append(site).append(",SALES,2026-10-15,").append(50 + random.nextInt(100)).append('\n');
        }
        write(folder.resolve("sites.csv"), siteRows.toString());
        write(folder.resolve("criteria.csv"), "criterion_code,name,dimension,points,mandatory_from_star\n"
                + "CLEAN,Clean premises,TANGIBLES,2,0\nSAFE,Safety check 安全,ASSURANCE,3,3\nGREET,Greeting,EMPATHY,1,0\n");
        write(folder.resolve("kpi-definitions.csv"), "kpi_code,name,unit,direction,target,aggregation\n"
                + "WAIT,Waiting time,min,LOWER_BETTER,8,MEAN\nSALES,Sales,CNY,HIGHER_BETTER,100,SUM\n");
        write(folder.resolve("feedback.csv"), feedback.toString());
        write(folder.resolve("audits.csv"), audits.toString());
        write(folder.resolve("kpis.csv"), kpis.toString());
        return new Organisation(List.copyOf(sites), regionOfSite, feedbackByRegion, total);
    }

    /** Stakeholders of the organisation scope, {@code count} of them, each with an address of their own. */
    public static List<String> stakeholders(Path file, int count) {
        List<String> emails = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("stakeholders:\n");
        for (int i = 1; i <= count; i++) {
            String email = String.format("exec%02d@example.com", i);
            emails.add(email);
            yaml.append("  - { name: Executive ").append(i).append(", email: ").append(email).append(", locale: ")
                    .append(i % 3 == 0 ? "zh-CN" : "en").append(", scope: ORG }\n");
        }
        write(file, yaml.toString());
        return List.copyOf(emails);
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record FeedbackRow(String id, String site, String submittedAt, String channel, String csat, String nps,
            String servqual, boolean complaint, String category, String fcr, String hours, String comment) {

        static FeedbackRow random(Random random, String id, String site, int day) {
            boolean complaint = random.nextInt(7) == 0;
            StringBuilder servqual = new StringBuilder();
            for (int d = 0; d < 5; d++) {
                servqual.append(d == 0 ? "" : ",").append(random.nextInt(6) == 0 ? "" : Integer.toString(1 + random.nextInt(5)));
            }
            return new FeedbackRow(id, site,
                    String.format("2026-10-%02dT%02d:%02d:00Z", day, random.nextInt(24), random.nextInt(60)),
                    CHANNELS[random.nextInt(CHANNELS.length)],
                    random.nextInt(10) == 0 ? "" : Integer.toString(1 + random.nextInt(5)),
                    random.nextInt(8) == 0 ? "" : Integer.toString(random.nextInt(11)),
                    servqual.toString(), complaint, complaint ? CATEGORIES[random.nextInt(CATEGORIES.length)] : "",
                    random.nextInt(3) == 0 ? "" : Boolean.toString(random.nextBoolean()),
                    random.nextInt(3) == 0 ? "" : (random.nextInt(96) + "." + (25 * random.nextInt(4))),
                    COMMENTS[random.nextInt(COMMENTS.length)]);
        }

        FeedbackRow withCsat(String value) {
            return new FeedbackRow(id, site, submittedAt, channel, value, nps, servqual, complaint, category, fcr, hours, comment);
        }

        FeedbackRow previousMonth() {
            int day = Math.min(30, Integer.parseInt(submittedAt.substring(8, 10)));
            return new FeedbackRow(id, site, "2026-09-" + String.format("%02d", day) + submittedAt.substring(10), channel, csat, nps,
                    servqual, complaint, category, fcr, hours, comment);
        }

        String csv() {
            return String.join(",", id, site, submittedAt, channel, csat, nps, servqual, Boolean.toString(complaint), category,
                    fcr, hours, quoted(comment));
        }

        private static String quoted(String text) {
            return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
        }
    }
}
