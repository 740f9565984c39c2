package com.qualityreview.demo;

import com.qualityreview.demo.DemoGenerator.Keyed;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliberately bad rows of the demo data ({@value DemoData#BAD_FEEDBACK_ROWS} +
 * {@value DemoData#BAD_AUDIT_ROWS} + {@value DemoData#BAD_KPI_ROWS} = 18), all dated in the latest
 * month, so that the import shows rejections. Each is wrong in one way only:
 * <pre>
 * feedback.csv (feedback_id yyyyMM = latest month)
 *   FB-yyyyMM-E01  site_code SH-PUDONG-OLD       unknown site
 *   FB-yyyyMM-E02  site_code LON-KINGSX          unknown site
 *   FB-yyyyMM-E03  csat 7                        out of range 1-5
 *   FB-yyyyMM-E04  csat 0                        out of range 1-5
 *   FB-yyyyMM-E05  nps 11                        out of range 0-10
 *   FB-yyyyMM-E06  submitted_at yyyy-MM-14T10:22:00   date-time without offset
 *   FB-yyyyMM-E07  submitted_at yyyy-MM-20 19:05:00   date-time without offset (and a space)
 *   FB-yyyyMM-E08  complaint true, category empty      complaint without category
 *   FB-yyyyMM-E09  complaint true, category empty      complaint without category (Chinese comment)
 *   FB-yyyyMM-E10  reliability 6                 out of range 1-5
 *   FB-yyyyMM-E11  resolution_hours -3           negative
 *   FB-yyyyMM-E12  channel FAX                   unknown channel
 * audits.csv
 *   AU-yyyyMM-E01  site_code WH-GUANGGU          unknown site
 *   AU-yyyyMM-E02  criterion_code WIFI_SPEED     unknown criterion
 *   AU-yyyyMM-E03  result MAYBE                  not PASS, FAIL or NA
 * kpis.csv
 *   WH-GUANGGU,AVG_WAIT_MIN,yyyy-MM-07           unknown site
 *   SH-XUHUI,NPS_TARGET,yyyy-MM-07               unknown KPI
 *   GZ-TIANHE,AVG_WAIT_MIN,yyyy-MM-03,n/a        value not a decimal
 * </pre>
 */
final class DemoBadRows {

    private DemoBadRows() {
    }

    /**
     * The bad rows of feedback.csv, among the latest month's rows by their instant (a row written
     * without offset sorts as if in UTC).
     *
     * @param prefix the ids' prefix, FB-yyyyMM-
     */
    static List<Keyed> feedback(YearMonth ym, String prefix) {
        List<Keyed> bad = new ArrayList<>();
        bad.add(bad(prefix + "E01", "SH-PUDONG-OLD", ym.atDay(3).atTime(11, 5), "+08:00", "SURVEY", "5", "9", "",
                "false", "", "服务很好，店员很热情。"));
        bad.add(bad(prefix + "E02", "LON-KINGSX", ym.atDay(5).atTime(13, 40), "Z", "APP", "4", "8", "", "false", "",
                "Nice new store near the station."));
        bad.add(bad(prefix + "E03", "SH-XUHUI", ym.atDay(8).atTime(10, 12), "+08:00", "SURVEY", "7", "10", "",
                "false", "", ""));
        bad.add(bad(prefix + "E04", "BJ-XIDAN", ym.atDay(9).atTime(18, 30), "+08:00", "WEB", "0", "5", "", "false",
                "", "一般般，没什么特别的印象。"));
        bad.add(bad(prefix + "E05", "GZ-TIANHE", ym.atDay(11).atTime(15, 2), "+08:00", "APP", "5", "11", "", "false",
                "", "Very good, would recommend to friends."));
        bad.add(bad(prefix + "E06", "NJ-XINJIEKOU", ym.atDay(14).atTime(10, 22), "", "SURVEY", "4", "8", "",
                "false", "", "还可以，就是人有点多。"));
        List<String> e07 = bad(prefix + "E07", "CD-CHUNXI", ym.atDay(20).atTime(19, 5), "", "PHONE", "3", "6", "",
                "false", "", "").fields();
        e07.set(2, ym.atDay(20) + " 19:05:00");
        bad.add(new Keyed(ym.atDay(20).atTime(19, 5).toInstant(ZoneOffset.UTC), e07));
        bad.add(bad(prefix + "E08", "TY-LIUXIANG", ym.atDay(22).atTime(12, 45), "+08:00", "PHONE", "1", "2", "",
                "true", "", "Waited ages, nobody cared."));
        bad.add(bad(prefix + "E09", "HF-BINHU", ym.atDay(23).atTime(17, 20), "+08:00", "APP", "2", "3", "", "true",
                "", "收银台只开了一个，等了半小时。"));
        Keyed e10 = bad(prefix + "E10", "PAR-OPERA", ym.atDay(24).atTime(16, 0), "+02:00", "SURVEY", "4", "8", "",
                "false", "", "Personnel très aimable, merci !");
        e10.fields().set(6, "6"); // reliability
        bad.add(e10);
        bad.add(bad(prefix + "E11", "SYD-CBD", ym.atDay(25).atTime(9, 30), "+10:00", "EMAIL", "2", "4", "", "true",
                "-3", "Charged twice for the same item, still waiting for the refund."));
        bad.get(bad.size() - 1).fields().set(12, "BILLING");
        bad.add(bad(prefix + "E12", "LON-SOHO", ym.atDay(26).atTime(14, 15), "+01:00", "FAX", "4", "7", "", "false",
                "", ""));
        if (bad.size() != DemoData.BAD_FEEDBACK_ROWS) {
            throw new IllegalStateException("bad feedback rows: " + bad.size());
        }
        return bad;
    }

    /** A feedback row given as text; {@code offset} empty = written without offset. */
    private static Keyed bad(String id, String site, LocalDateTime local, String offset, String channel, String csat,
                             String nps, String category, String complaint, String hours, String comment) {
        Instant key = local.toInstant(offset.isEmpty() ? ZoneOffset.UTC : ZoneOffset.of(offset));
        String at = local.withNano(0) + (local.getSecond() == 0 ? ":00" : "") + offset;
        List<String> f = new ArrayList<>(List.of(id, site, at, channel, csat, nps, "4", "4", "4", "4", "4",
                complaint, category, "", hours, comment));
        return new Keyed(key, f);
    }

    /** The bad rows of audits.csv, after all others. */
    static List<List<String>> audits(YearMonth ym) {
        String id = "AU-" + ym.toString().replace("-", "") + "-";
        String day = ym.atDay(27).toString();
        return List.of(
                List.of(id + "E01", "WH-GUANGGU", day, "INTERNAL", "李伟 Li Wei", "HYGIENE", "PASS"),
                List.of(id + "E02", "SH-PUDONG", day, "INTERNAL", "王芳 Wang Fang", "WIFI_SPEED", "PASS"),
                List.of(id + "E03", "BJ-CHAOYANG", day, "MYSTERY_SHOPPER", "Mystery Shopper 21", "HYGIENE", "MAYBE"));
    }

    /** The bad rows of kpis.csv, after all others. */
    static List<List<String>> kpis(YearMonth ym) {
        return List.of(
                List.of("WH-GUANGGU", "AVG_WAIT_MIN", ym.atDay(7).toString(), "7.5"),
                List.of("SH-XUHUI", "NPS_TARGET", ym.atDay(7).toString(), "35"),
                List.of("GZ-TIANHE", "AVG_WAIT_MIN", ym.atDay(3).toString(), "n/a"));
    }
}
