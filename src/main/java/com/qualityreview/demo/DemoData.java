package com.qualityreview.demo;

import com.qualityreview.review.AuditResult;
import com.qualityreview.review.AuditStats;
import com.qualityreview.review.Criterion;
import com.qualityreview.review.Dimension;
import com.qualityreview.review.FeedbackFact;
import com.qualityreview.review.FeedbackStats;
import com.qualityreview.review.KpiAggregation;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.KpiDirection;
import com.qualityreview.review.KpiResult;
import com.qualityreview.review.KpiStats;
import com.qualityreview.review.QualityIndexWeights;
import com.qualityreview.review.Rating;
import com.qualityreview.review.RatingScheme;
import com.qualityreview.review.ScopeFigures;
import com.qualityreview.review.StarRater;
import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Writes the bundled demo data: six CSV files in the formats of SPEC section 2, for 40 sites in
 * five regions over the 13 months ending with a given month, so that 12-period trends are full.
 *
 * <p>The output is deterministic (fixed {@link #SEED}; identical bytes for the same latest month)
 * and small enough to import in seconds (about 27,000 feedback rows, 4,000 audit items, 7,000 KPI
 * rows). Files are UTF-8 without BOM, comma separated, CRLF line ends, RFC 4180 quoting (some
 * comments contain commas, quotes and line breaks on purpose).
 *
 * <p><b>Designed ratings.</b> Every site follows a quality profile, one tier a month (see
 * {@link #SITES}). Each site-month is generated, rated with the domain logic
 * ({@link RatingScheme#defaultScheme()}, {@link QualityIndexWeights#DEFAULT}) and regenerated
 * from the next random draws until it gets the rating of its profile, so that in the latest month
 * the ratings cover 0 to 5 stars and UNRATED, with these situations:
 * <ul>
 *   <li>XM-ZHONGSHAN: 4 → 2 stars (two-level downgrade, SEVERE), with a complaint spike
 *       (rate at least doubled, ≥ 5 complaints) and the KPI AVG_WAIT_MIN missed by more than 20 %;</li>
 *   <li>BJ-SANLITUN: 4 → 1 star, its audit FAILs the mandatory criterion HYGIENE (MANDATORY_FAILED);</li>
 *   <li>NB-TIANYI 4 → 3 and SYD-CBD 1 → 0 (one-level downgrades);</li>
 *   <li>SH-JINGAN 4 → 5, SZ-GUANQIAN 3 → 4, TJ-HEPING 2 → 3 (upgrades);</li>
 *   <li>SH-HONGQIAO-POP (new pop-up, second month) and GY-HUAGUOYUAN (small store) are UNRATED
 *       (fewer than 30 feedback rows); HZ-XIXI closed four months ago (active = false, no rows since).</li>
 * </ul>
 * Rated sites get a full audit (all eight criteria) every month, so 4- and 5-star sites have all
 * mandatory criteria assessed.
 *
 * <p><b>Deliberately bad rows</b> ({@value #BAD_FEEDBACK_ROWS} + {@value #BAD_AUDIT_ROWS} +
 * {@value #BAD_KPI_ROWS} = 18), all dated in the latest month, so that the import shows rejections:
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
 * Besides, a few valid rows exercise lenient rules: complaint categories in lower or mixed case
 * (stored upper-case), empty optional scores, timestamps in Z and in the sites' own offsets (a
 * feedback belongs to its month in UTC, which the generator respects), quoted comments with commas,
 * quotes and line breaks, emoji, Japanese and French comments.
 */
public final class DemoData {

    /** Seed of the single {@link Random} behind all data. */
    public static final long SEED = 20_260_101L;
    /** Months of data, ending with the latest month. */
    public static final int MONTHS = 13;
    public static final int BAD_FEEDBACK_ROWS = 12;
    public static final int BAD_AUDIT_ROWS = 3;
    public static final int BAD_KPI_ROWS = 3;

    public static final List<String> SITES_COLUMNS = List.of("site_code", "name", "region_code", "region_name", "active");
    public static final List<String> CRITERIA_COLUMNS = List.of("criterion_code", "name", "dimension", "points",
            "mandatory_from_star");
    public static final List<String> KPI_DEFINITIONS_COLUMNS = List.of("kpi_code", "name", "unit", "direction", "target",
            "aggregation");
    public static final List<String> FEEDBACK_COLUMNS = List.of("feedback_id", "site_code", "submitted_at", "channel",
            "csat", "nps", "reliability", "responsiveness", "assurance", "empathy", "tangibles", "complaint", "category",
            "first_contact_resolved", "resolution_hours", "comment");
    public static final List<String> AUDITS_COLUMNS = List.of("audit_id", "site_code", "audited_on", "audit_type",
            "auditor", "criterion_code", "result");
    public static final List<String> KPIS_COLUMNS = List.of("site_code", "kpi_code", "measured_on", "value");

    // ------------------------------------------------------------------ reference data

    private record Region(String code, String name) {
    }

    private static final Region EAST = new Region("CN-EAST", "华东 East China");
    private static final Region NORTH = new Region("CN-NORTH", "华北 North China");
    private static final Region SOUTH = new Region("CN-SOUTH", "华南 South China");
    private static final Region SOUTHWEST = new Region("CN-SW", "西南 Southwest China");
    private static final Region INTL = new Region("INTL", "International 国际");

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private enum Event { NONE, HYGIENE_FAIL, COMPLAINT_SPIKE }

    /**
     * @param path           one character per month, oldest first: '0'..'5' = quality tier and expected
     *                       rating, 'U' = fewer than 30 rows (UNRATED, quality {@code unratedQuality}),
     *                       '-' = no data (not open yet, or closed)
     * @param zhShare        share of comments written in Chinese
     * @param weakDimension  a SERVQUAL dimension customers rate lower at this site, or null
     * @param latestEvent    what happens in the latest month
     */
    private record Site(String code, String name, Region region, ZoneId zone, int volume, String path,
                        double zhShare, int unratedQuality, Dimension weakDimension, Event latestEvent) {

        boolean active() {
            return path.charAt(path.length() - 1) != '-';
        }

        boolean chinese() {
            return region != INTL;
        }
    }

    private static Site cn(String code, String name, Region region, int volume, String path, Dimension weak) {
        return new Site(code, name, region, SHANGHAI, volume, path, 0.85, 3, weak, Event.NONE);
    }

    private static Site site(String code, String name, Region region, String zone, int volume, String path,
                             double zhShare, Dimension weak) {
        return new Site(code, name, region, ZoneId.of(zone), volume, path, zhShare, 3, weak, Event.NONE);
    }

    private static Site with(Site s, Event event) {
        return new Site(s.code, s.name, s.region, s.zone, s.volume, s.path, s.zhShare, s.unratedQuality,
                s.weakDimension, event);
    }

    private static Site unrated(Site s, int quality) {
        return new Site(s.code, s.name, s.region, s.zone, s.volume, s.path, s.zhShare, quality, s.weakDimension,
                s.latestEvent);
    }

    /** The sites and their quality profiles (13 months, oldest first; the last character is the latest month). */
    private static final List<Site> SITES = List.of(
            cn("SH-PUDONG", "上海浦东店 Shanghai Pudong", EAST, 88, "5555555555555", null),
            cn("SH-JINGAN", "上海静安店 Shanghai Jing'an", EAST, 80, "4444455555545", null),
            cn("SH-XUHUI", "Shanghai Xuhui 上海徐汇", EAST, 52, "3334444444444", null),
            cn("HZ-XIHU", "杭州西湖店 Hangzhou West Lake", EAST, 56, "4444444444444", Dimension.TANGIBLES),
            cn("NJ-XINJIEKOU", "南京新街口店 Nanjing Xinjiekou", EAST, 46, "3333333333333", null),
            cn("SZ-GUANQIAN", "苏州观前街店 Suzhou Guanqian Street", EAST, 44, "2223333333334", null),
            cn("NB-TIANYI", "宁波天一广场店 Ningbo Tianyi Square", EAST, 42, "3334444444443", Dimension.RESPONSIVENESS),
            cn("HF-BINHU", "合肥滨湖店 Hefei Binhu", EAST, 40, "1111222222222", null),
            cn("WX-NANCHANG", "Wuxi Nanchang Street 无锡南长街", EAST, 42, "4444444443444", null),
            with(cn("XM-ZHONGSHAN", "厦门中山路店 Xiamen Zhongshan Road", EAST, 54, "4444444444442",
                    Dimension.RESPONSIVENESS), Event.COMPLAINT_SPIKE),
            unrated(cn("SH-HONGQIAO-POP", "上海虹桥快闪店 Shanghai Hongqiao Pop-up", EAST, 20, "-----------UU", null), 4),
            cn("HZ-XIXI", "杭州西溪店 Hangzhou Xixi (closed)", EAST, 46, "333322222----", null),

            cn("BJ-CHAOYANG", "Beijing Chaoyang 北京朝阳", NORTH, 90, "5555555555555", null),
            cn("BJ-HAIDIAN", "北京海淀店 Beijing Haidian", NORTH, 58, "4444444444444", null),
            cn("BJ-XIDAN", "北京西单店 Beijing Xidan", NORTH, 48, "3333333333333", Dimension.EMPATHY),
            cn("TJ-BINHAI", "天津滨海店 Tianjin Binhai", NORTH, 42, "3332333333333", null),
            cn("SJZ-ZHONGHUA", "石家庄中华大街店 Shijiazhuang Zhonghua Street", NORTH, 38, "2222222222222", null),
            cn("TY-LIUXIANG", "太原柳巷店 Taiyuan Liuxiang", NORTH, 38, "1111111111111", Dimension.TANGIBLES),
            cn("HHHT-ZHONGSHAN", "呼和浩特中山路店 Hohhot Zhongshan Road", NORTH, 38, "0010000000000",
                    Dimension.RESPONSIVENESS),
            with(cn("BJ-SANLITUN", "Beijing Sanlitun 北京三里屯", NORTH, 60, "4444444444444", null), Event.HYGIENE_FAIL),
            cn("TJ-HEPING", "天津和平路店 Tianjin Heping Road", NORTH, 40, "2222222222223", null),

            cn("GZ-TIANHE", "广州天河店 Guangzhou Tianhe", SOUTH, 60, "4444444444444", null),
            cn("SZ-NANSHAN", "深圳南山店 Shenzhen Nanshan", SOUTH, 84, "5555554555555", null),
            cn("SZ-FUTIAN", "Shenzhen Futian 深圳福田", SOUTH, 50, "3333333333333", null),
            cn("FS-ZUMIAO", "佛山祖庙店 Foshan Zumiao", SOUTH, 40, "3332333333333", Dimension.ASSURANCE),
            cn("DG-DONGCHENG", "东莞东城店 Dongguan Dongcheng", SOUTH, 42, "2222222222222", null),
            cn("NN-QINGXIU", "南宁青秀店 Nanning Qingxiu", SOUTH, 38, "1121111111111", null),
            cn("ZH-GONGBEI", "珠海拱北店 Zhuhai Gongbei", SOUTH, 38, "1111111111111", Dimension.EMPATHY),
            site("HK-CAUSEWAY", "香港铜锣湾店 Hong Kong Causeway Bay", SOUTH, "Asia/Hong_Kong", 55, "3333333333333",
                    0.6, null),

            cn("CD-CHUNXI", "成都春熙路店 Chengdu Chunxi Road", SOUTHWEST, 54, "3344444444444", null),
            cn("CQ-JIEFANGBEI", "重庆解放碑店 Chongqing Jiefangbei", SOUTHWEST, 50, "2222233333333", null),
            cn("KM-NANPING", "昆明南屏街店 Kunming Nanping Street", SOUTHWEST, 38, "2222222222222", Dimension.TANGIBLES),
            unrated(cn("GY-HUAGUOYUAN", "贵阳花果园店 Guiyang Huaguoyuan", SOUTHWEST, 22, "UUUUUUUUUUUUU", null), 3),

            site("LON-SOHO", "London Soho", INTL, "Europe/London", 46, "4444444444444", 0.08, null),
            site("LON-CANARY", "London Canary Wharf", INTL, "Europe/London", 42, "3333333333333", 0.05,
                    Dimension.EMPATHY),
            site("PAR-OPERA", "Paris Opéra", INTL, "Europe/Paris", 40, "3333333333333", 0.1, null),
            site("SIN-ORCHARD", "Singapore Orchard 新加坡乌节路", INTL, "Asia/Singapore", 76, "5555555555555", 0.4, null),
            site("TYO-GINZA", "Tokyo Ginza 東京銀座", INTL, "Asia/Tokyo", 44, "4444444444444", 0.1, null),
            site("NYC-SOHO", "New York SoHo", INTL, "America/New_York", 44, "3333332222222", 0.05,
                    Dimension.RESPONSIVENESS),
            site("SYD-CBD", "Sydney CBD", INTL, "Australia/Sydney", 38, "1111111111110", 0.1, null));

    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("HYGIENE", "Store and restrooms clean 门店及洗手间清洁", Dimension.TANGIBLES, 10, 2),
            new Criterion("SAFETY", "Safety and fire checks done 安全检查到位", Dimension.ASSURANCE, 15, 3),
            new Criterion("BILLING_ACCURACY", "Prices and receipts correct 收银准确", Dimension.RELIABILITY, 15, 4),
            new Criterion("GREETING", "Greeted within 30 seconds 30秒内问候", Dimension.RESPONSIVENESS, 5, 0),
            new Criterion("QUEUE", "Queue under 5 minutes 排队少于5分钟", Dimension.RESPONSIVENESS, 10, 0),
            new Criterion("PROMISE", "Orders ready as promised 按时交付", Dimension.RELIABILITY, 10, 0),
            new Criterion("PERSONAL", "Staff listen and personalise 用心倾听", Dimension.EMPATHY, 5, 0),
            new Criterion("APPEARANCE", "Signage, uniforms and displays 形象与陈列", Dimension.TANGIBLES, 5, 0));

    private static final KpiDefinition AVG_WAIT = new KpiDefinition("AVG_WAIT_MIN", "Average waiting time 平均等待时间",
            "min", KpiDirection.LOWER_BETTER, new BigDecimal("8"), KpiAggregation.MEAN);
    private static final KpiDefinition TRAINING = new KpiDefinition("TRAINING_HOURS", "Staff training hours 员工培训时长",
            "h", KpiDirection.HIGHER_BETTER, new BigDecimal("40"), KpiAggregation.SUM);
    private static final KpiDefinition TURNOVER = new KpiDefinition("STAFF_TURNOVER_PCT",
            "Staff turnover, rolling 12 months 员工流失率", "%", KpiDirection.LOWER_BETTER, new BigDecimal("5"),
            KpiAggregation.LAST);
    private static final KpiDefinition ACCURACY = new KpiDefinition("ORDER_ACCURACY_PCT", "Order accuracy 订单准确率",
            "%", KpiDirection.HIGHER_BETTER, new BigDecimal("97.5"), KpiAggregation.MIN);
    private static final List<KpiDefinition> KPIS = List.of(AVG_WAIT, TRAINING, TURNOVER, ACCURACY);

    // ------------------------------------------------------------------ tier tables (index = tier 0..5)

    /** Share of csat 1..5 per tier; a site-month interpolates between neighbouring tiers. */
    private static final double[][] CSAT_SHARES = {
            {.30, .27, .20, .15, .08},
            {.12, .14, .25, .32, .17},
            {.07, .10, .20, .38, .25},
            {.04, .06, .15, .40, .35},
            {.02, .03, .08, .37, .50},
            {.01, .01, .04, .20, .74}};
    /** NPS 0..10 given the csat 1..5 of the same customer. */
    private static final double[][] NPS_GIVEN_CSAT = {
            {.30, .30, .20, .20, 0, 0, 0, 0, 0, 0, 0},
            {0, 0, .10, .20, .20, .30, .20, 0, 0, 0, 0},
            {0, 0, 0, 0, .10, .20, .30, .30, .10, 0, 0},
            {0, 0, 0, 0, 0, 0, .10, .25, .40, .20, .05},
            {0, 0, 0, 0, 0, 0, 0, .03, .12, .40, .45}};
    private static final double[] COMPLAINT_RATE = {0.14, 0.09, 0.06, 0.033, 0.02, 0.008};
    private static final double SPIKE_COMPLAINT_RATE = 0.13;
    private static final double[] FCR_SHARE = {0.40, 0.50, 0.60, 0.68, 0.78, 0.88};
    private static final double[] RESOLUTION_MEDIAN_HOURS = {60, 40, 28, 18, 10, 6};
    private static final double[] AUDIT_FAIL = {0.75, 0.50, 0.35, 0.22, 0.10, 0.03};
    private static final double[] MANDATORY_FAIL = {0.25, 0.10, 0, 0, 0, 0};
    private static final double[] WAIT_MEAN = {11.2, 9.3, 8.6, 7.6, 6.8, 5.8};
    private static final double SPIKE_WAIT_MEAN = 11.8;
    private static final double[] TRAINING_WEEKLY = {6.5, 8.5, 9.5, 10.4, 11.0, 12.0};
    private static final double[] TURNOVER_MEAN = {8.5, 6.5, 5.6, 4.8, 3.9, 2.8};
    private static final double[] ACCURACY_MEAN = {95.5, 97.0, 97.8, 98.3, 98.9, 99.4};
    /** Volume factor by calendar month (Chinese New Year dip, Golden Week and year-end peaks). */
    private static final double[] SEASON = {1.08, 0.90, 0.95, 0.97, 1.05, 1.00, 1.02, 1.03, 0.98, 1.10, 1.06, 1.10};

    private static final String[] CHANNELS = {"SURVEY", "APP", "WEB", "PHONE", "EMAIL", "IN_PERSON"};
    private static final double[] CHANNEL_SHARES = {.30, .22, .14, .14, .10, .10};
    private static final String[] CATEGORIES = {"WAIT_TIME", "STAFF", "BILLING", "DAMAGE", "CLEANLINESS", "OTHER"};
    private static final double[] CATEGORY_SHARES = {38, 22, 15, 10, 9, 6};

    // ------------------------------------------------------------------ comments

    private static final String[] POSITIVE_EN = {
            "Great service, friendly staff.",
            "Quick and efficient, thanks!",
            "Clean store and a really helpful team.",
            "The manager went out of her way to help. 10/10",
            "Loved the new layout, easy to find everything.",
            "Staff remembered my name — nice touch.",
            "Fast checkout, no queue at all.",
            "Very good, would recommend to friends."};
    private static final String[] POSITIVE_ZH = {
            "服务很好，店员很热情。",
            "环境干净整洁，下次还会再来！",
            "排队很快，效率很高。",
            "店长亲自帮我解决了问题，点赞👍",
            "价格合理，服务周到。",
            "店员很专业，讲解很耐心。",
            "新装修很漂亮，逛得很舒服。"};
    private static final String[] NEUTRAL_EN = {
            "OK overall, nothing special.",
            "Fine, but the music was a bit loud.",
            "Good coffee, but the \"express\" lane wasn't express at all.",
            "Decent. Parking, however, is a nightmare."};
    private static final String[] NEUTRAL_ZH = {
            "还可以，就是人有点多。",
            "一般般，没什么特别的印象。",
            "东西不错，就是停车不方便。",
            "服务不错 but a bit pricey."};
    private static final String[] NEGATIVE_EN = {
            "Not great today, staff seemed stretched.",
            "Disappointing visit.\nWill give it another try next month."};
    private static final String[] NEGATIVE_ZH = {
            "这次体验不太好，希望改进。",
            "人太多了，没人招呼。"};
    private static final Map<String, String[]> COMPLAINT_EN = Map.of(
            "WAIT_TIME", new String[] {"Waited 40 minutes, only one till open.", "Queue was out the door, again."},
            "STAFF", new String[] {"Staff were rude and ignored my question.",
                    "Nobody at the service desk for 15 minutes."},
            "BILLING", new String[] {"Charged twice for the same item, still waiting for the refund.",
                    "Shelf said 29.90, till said 39.90. \"Computer error\", apparently."},
            "DAMAGE", new String[] {"Item arrived damaged, box was crushed."},
            "CLEANLINESS", new String[] {"Toilets were dirty and tables not wiped."},
            "OTHER", new String[] {"Car park barrier broken, had to wait for security."});
    private static final Map<String, String[]> COMPLAINT_ZH = Map.of(
            "WAIT_TIME", new String[] {"等了四十多分钟，太慢了！", "排队太久，只开了一个收银台。"},
            "STAFF", new String[] {"店员态度很差，问问题也不理人。", "服务员一直在玩手机。"},
            "BILLING", new String[] {"账单多收了钱，退款到现在还没到。", "会员折扣没有算进去。"},
            "DAMAGE", new String[] {"收到的商品有破损，包装也压坏了。"},
            "CLEANLINESS", new String[] {"洗手间很脏，桌子也没人擦。", "地上有水，差点滑倒。"},
            "OTHER", new String[] {"停车场太难找了。"});
    private static final String POSITIVE_JA = "とても親切でした。ありがとう！";
    private static final String NEGATIVE_JA = "待ち時間が長すぎました。";
    private static final String POSITIVE_FR = "Personnel très aimable, merci !";
    private static final String NEGATIVE_FR = "Beaucoup trop d'attente à la caisse.";

    private static final String[] AUDITORS_CN = {"王芳 Wang Fang", "李伟 Li Wei", "张敏 Zhang Min", "陈静 Chen Jing",
            "刘洋 Liu Yang"};
    private static final String[] AUDITORS_INTL = {"Sarah Collins", "James O'Brien", "Marie Dubois", "Kenji Sato"};
    private static final String[] MYSTERY_SHOPPERS = {"神秘顾客 Mystery Shopper 07", "神秘顾客 Mystery Shopper 12",
            "Mystery Shopper 21"};
    private static final String[] EXTERNAL_AUDITORS = {"QualiCert Audit Ltd.", "Apex Assurance, Inc."};

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final int MAX_ATTEMPTS = 2_000;

    private DemoData() {
    }

    /**
     * Writes sites.csv, criteria.csv, kpi-definitions.csv, feedback.csv, audits.csv and kpis.csv
     * into {@code folder} (created if missing; existing files are replaced), with the 13 months
     * ending with {@code latestMonth}.
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static DemoFiles writeTo(Path folder, YearMonth latestMonth) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(latestMonth, "latestMonth");
        Generated g = new Generator(latestMonth).run();
        try {
            Files.createDirectories(folder);
            DemoFiles files = new DemoFiles(folder.resolve("sites.csv"), folder.resolve("criteria.csv"),
                    folder.resolve("kpi-definitions.csv"), folder.resolve("feedback.csv"), folder.resolve("audits.csv"),
                    folder.resolve("kpis.csv"));
            write(files.sites(), SITES_COLUMNS, sitesRows());
            write(files.criteria(), CRITERIA_COLUMNS, criteriaRows());
            write(files.kpiDefinitions(), KPI_DEFINITIONS_COLUMNS, kpiDefinitionRows());
            write(files.feedback(), FEEDBACK_COLUMNS, g.feedback);
            write(files.audits(), AUDITS_COLUMNS, g.audits);
            write(files.kpis(), KPIS_COLUMNS, g.kpis);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo data to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (CsvWriter w = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
            w.writeRecord(header);
            for (List<String> row : rows) {
                w.writeRecord(row);
            }
        }
    }

    private static List<List<String>> sitesRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Site s : SITES) {
            rows.add(List.of(s.code, s.name, s.region.code, s.region.name, String.valueOf(s.active())));
        }
        return rows;
    }

    private static List<List<String>> criteriaRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Criterion c : CRITERIA) {
            rows.add(List.of(c.code(), c.name(), c.dimension().name(), String.valueOf(c.points()),
                    String.valueOf(c.mandatoryFromStar())));
        }
        return rows;
    }

    private static List<List<String>> kpiDefinitionRows() {
        List<List<String>> rows = new ArrayList<>();
        for (KpiDefinition k : KPIS) {
            rows.add(List.of(k.code(), k.name(), k.unit(), k.direction().name(), k.target().toPlainString(),
                    k.aggregation().name()));
        }
        return rows;
    }

    // ------------------------------------------------------------------ generation

    private record Generated(List<List<String>> feedback, List<List<String>> audits, List<List<String>> kpis) {
    }

    private record FeedbackRow(String site, Instant at, String submittedAt, String channel, Integer csat, Integer nps,
                               Integer[] servqual, boolean complaint, String category, Boolean fcr, BigDecimal hours,
                               String comment) {

        FeedbackFact fact() {
            return new FeedbackFact(csat, nps, servqual[0], servqual[1], servqual[2], servqual[3], servqual[4],
                    complaint, category == null ? null : category.toUpperCase(Locale.ROOT), fcr, hours);
        }

        List<String> fields(String id) {
            List<String> f = new ArrayList<>(16);
            f.add(id);
            f.add(site);
            f.add(submittedAt);
            f.add(channel);
            f.add(text(csat));
            f.add(text(nps));
            for (Integer s : servqual) {
                f.add(text(s));
            }
            f.add(String.valueOf(complaint));
            f.add(category == null ? "" : category);
            f.add(text(fcr));
            f.add(hours == null ? "" : hours.toPlainString());
            f.add(comment == null ? "" : comment);
            return f;
        }
    }

    private record AuditItem(String auditId, String site, LocalDate date, String type, String auditor,
                             Criterion criterion, AuditResult result) {

        List<String> fields() {
            return List.of(auditId, site, date.toString(), type, auditor, criterion.code(), result.name());
        }
    }

    private record KpiRow(String site, KpiDefinition kpi, LocalDate date, BigDecimal value) {

        List<String> fields() {
            return List.of(site, kpi.code(), date.toString(), value.toPlainString());
        }
    }

    private record SiteMonth(List<FeedbackRow> feedback, List<AuditItem> audits, List<KpiRow> kpis,
                             ScopeFigures figures, Rating rating) {
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static final class Generator {

        private final Random rng = new Random(SEED);
        private final YearMonth latest;
        private final StarRater rater = new StarRater(RatingScheme.defaultScheme());
        private final Map<String, Double> siteBias = new HashMap<>();

        Generator(YearMonth latest) {
            this.latest = latest;
        }

        Generated run() {
            for (Site s : SITES) {
                siteBias.put(s.code, (rng.nextDouble() * 2 - 1) * 0.15);
            }
            List<List<String>> feedbackOut = new ArrayList<>();
            List<AuditItem> auditsAll = new ArrayList<>();
            List<KpiRow> kpisAll = new ArrayList<>();
            Map<String, ScopeFigures> previous = new HashMap<>();
            for (int mi = 0; mi < MONTHS; mi++) {
                YearMonth ym = latest.minusMonths(MONTHS - 1L - mi);
                boolean isLatest = mi == MONTHS - 1;
                List<FeedbackRow> monthFeedback = new ArrayList<>();
                Map<String, ScopeFigures> current = new HashMap<>();
                for (Site s : SITES) {
                    char c = s.path.charAt(mi);
                    if (c == '-') {
                        continue;
                    }
                    SiteMonth sm = siteMonth(s, mi, ym, isLatest, previous.get(s.code));
                    monthFeedback.addAll(sm.feedback);
                    auditsAll.addAll(sm.audits);
                    kpisAll.addAll(sm.kpis);
                    current.put(s.code, sm.figures);
                }
                previous = current;
                monthFeedback.sort(Comparator.comparing(FeedbackRow::at).thenComparing(FeedbackRow::site));
                String prefix = "FB-" + ym.toString().replace("-", "") + "-";
                List<Keyed> keyed = new ArrayList<>();
                for (int i = 0; i < monthFeedback.size(); i++) {
                    FeedbackRow r = monthFeedback.get(i);
                    keyed.add(new Keyed(r.at, r.fields(prefix + String.format("%05d", i + 1))));
                }
                if (isLatest) {
                    keyed.addAll(badFeedback(ym, prefix));
                    keyed.sort(Comparator.comparing(Keyed::key));
                }
                keyed.forEach(k -> feedbackOut.add(k.fields));
            }
            auditsAll.sort(Comparator.comparing(AuditItem::date).thenComparing(AuditItem::auditId));
            List<List<String>> auditsOut = new ArrayList<>();
            auditsAll.forEach(a -> auditsOut.add(a.fields()));
            auditsOut.addAll(badAudits(latest));
            kpisAll.sort(Comparator.comparing(KpiRow::date).thenComparing(KpiRow::site));
            List<List<String>> kpisOut = new ArrayList<>();
            kpisAll.forEach(k -> kpisOut.add(k.fields()));
            kpisOut.addAll(badKpis(latest));
            return new Generated(feedbackOut, auditsOut, kpisOut);
        }

        private SiteMonth siteMonth(Site s, int mi, YearMonth ym, boolean isLatest, ScopeFigures previous) {
            char c = s.path.charAt(mi);
            boolean unrated = c == 'U';
            int tier = unrated ? s.unratedQuality : c - '0';
            Event event = isLatest ? s.latestEvent : Event.NONE;
            Rating expected = unrated ? Rating.UNRATED
                    : event == Event.HYGIENE_FAIL ? Rating.STARS_1 : Rating.stars(tier);
            double v = s.volume * SEASON[ym.getMonthValue() - 1] * (1 + 0.008 * mi) * (0.93 + 0.14 * rng.nextDouble());
            int n = (int) Math.round(v);
            n = unrated ? Math.max(8, Math.min(n, 29)) : Math.max(n, 33);
            double quality = Math.max(0, Math.min(5, tier + siteBias.get(s.code) + (rng.nextDouble() * 2 - 1) * 0.1));
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                SiteMonth sm = attempt(s, mi, ym, tier, quality, n, unrated, event);
                if (sm.rating == expected && (event != Event.COMPLAINT_SPIKE || isSpike(sm.figures, previous))) {
                    return sm;
                }
            }
            throw new IllegalStateException("demo data: could not generate " + s.code + " " + ym + " rated "
                    + expected.code() + " in " + MAX_ATTEMPTS + " attempts");
        }

        private static boolean isSpike(ScopeFigures now, ScopeFigures before) {
            if (before == null || before.complaintRatePct().isEmpty() || now.complaintRatePct().isEmpty()) {
                return false;
            }
            return now.complaintCount() >= 5
                    && now.complaintRatePct().get().compareTo(before.complaintRatePct().get().multiply(BigDecimal.valueOf(2))) >= 0;
        }

        private SiteMonth attempt(Site s, int mi, YearMonth ym, int tier, double quality, int n, boolean unrated,
                                  Event event) {
            List<FeedbackRow> feedback = feedback(s, ym, tier, quality, n, event);
            List<AuditItem> audits = new ArrayList<>();
            if (!unrated || mi % 2 == 0 || mi == MONTHS - 1) {
                audits = audit(s, mi, ym, tier, event);
            }
            List<KpiRow> kpis = kpis(s, ym, tier, event);

            FeedbackStats fs = new FeedbackStats();
            feedback.forEach(f -> fs.add(f.fact()));
            AuditStats as = new AuditStats();
            audits.forEach(a -> as.add(a.auditId, a.criterion, a.result));
            List<KpiResult> results = new ArrayList<>();
            for (KpiDefinition d : KPIS) {
                KpiStats ks = new KpiStats(d);
                kpis.stream().filter(k -> k.kpi == d).forEach(k -> ks.add(k.date, k.value));
                results.add(ks.result());
            }
            ScopeFigures figures = ScopeFigures.of(fs, as, results, CRITERIA, QualityIndexWeights.DEFAULT);
            return new SiteMonth(feedback, audits, kpis, figures, rater.rate(figures).rating());
        }

        // ---------------------------------------------------------- feedback

        private List<FeedbackRow> feedback(Site s, YearMonth ym, int tier, double quality, int n, Event event) {
            // latent satisfaction 1..5 of each customer, by quota so that the month's mix is close to the profile
            int[] counts = quota(interpolate(CSAT_SHARES, quality), n);
            List<Integer> latent = new ArrayList<>(n);
            for (int score = 1; score <= 5; score++) {
                for (int i = 0; i < counts[score - 1]; i++) {
                    latent.add(score);
                }
            }
            Collections.shuffle(latent, rng);

            double rate = event == Event.COMPLAINT_SPIKE ? SPIKE_COMPLAINT_RATE : COMPLAINT_RATE[tier];
            int complaints = (int) Math.floor(n * rate + rng.nextDouble());
            // complaints come mostly from unhappy customers
            Integer[] order = new Integer[n];
            double[] key = new double[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
                key[i] = latent.get(i) + rng.nextDouble() * 2.2;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> key[i]));
            boolean[] isComplaint = new boolean[n];
            for (int i = 0; i < complaints && i < n; i++) {
                isComplaint[order[i]] = true;
            }
            double[] categoryShares = categoryShares(s, event);

            List<FeedbackRow> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int sat = latent.get(i);
                String channel = CHANNELS[pick(CHANNEL_SHARES)];
                boolean digital = channel.equals("APP") || channel.equals("WEB") || channel.equals("EMAIL");
                Instant at = instantIn(s, ym, digital);
                ZoneId shownIn = digital && rng.nextDouble() < 0.3 ? ZoneOffset.UTC : s.zone;
                String submittedAt = DATE_TIME.format(at.atZone(shownIn).toOffsetDateTime());

                Integer csat = rng.nextDouble() < 0.04 ? null : sat;
                Integer nps = rng.nextDouble() < 0.10 ? null : pick(NPS_GIVEN_CSAT[sat - 1]);
                Integer[] servqual = new Integer[5];
                double nullShare = channel.equals("PHONE") ? 0.35 : channel.equals("IN_PERSON") ? 0.15 : 0.06;
                for (Dimension d : Dimension.values()) {
                    if (rng.nextDouble() < nullShare) {
                        continue;
                    }
                    double r = rng.nextDouble();
                    int score = sat + (r < 0.18 ? -1 : r > 0.84 ? 1 : 0);
                    if (d == s.weakDimension && rng.nextDouble() < 0.5) {
                        score--;
                    }
                    servqual[d.ordinal()] = Math.max(1, Math.min(5, score));
                }

                boolean complaint = isComplaint[i];
                String category = null;
                Boolean fcr = null;
                BigDecimal hours = null;
                if (complaint) {
                    category = CATEGORIES[pick(categoryShares)];
                    double r = rng.nextDouble();
                    if (r < 0.01) {
                        category = category.toLowerCase(Locale.ROOT);
                    } else if (r < 0.015) {
                        category = category.charAt(0) + category.substring(1).toLowerCase(Locale.ROOT);
                    }
                    fcr = rng.nextDouble() < FCR_SHARE[tier];
                    if (rng.nextDouble() < 0.9) {
                        double h = fcr ? 0.2 + rng.nextDouble() * 2.8
                                : Math.max(1, Math.min(240, RESOLUTION_MEDIAN_HOURS[tier] * Math.exp(0.6 * rng.nextGaussian())));
                        hours = BigDecimal.valueOf(h).setScale(1, RoundingMode.HALF_UP);
                    }
                } else if ((channel.equals("PHONE") || channel.equals("EMAIL") || channel.equals("IN_PERSON"))
                        && rng.nextDouble() < 0.45) {
                    fcr = rng.nextDouble() < 0.9;
                    if (rng.nextDouble() < 0.5) {
                        hours = BigDecimal.valueOf(0.1 + rng.nextDouble() * 0.9).setScale(1, RoundingMode.HALF_UP);
                    }
                }
                String comment = comment(s, sat, complaint ? category.toUpperCase(Locale.ROOT) : null);
                rows.add(new FeedbackRow(s.code, at, submittedAt, channel, csat, nps, servqual, complaint, category, fcr,
                        hours, comment));
            }
            return rows;
        }

        private double[] categoryShares(Site s, Event event) {
            double[] shares = CATEGORY_SHARES.clone();
            if (event == Event.HYGIENE_FAIL) {
                shares[4] = 60; // CLEANLINESS
            } else if (event == Event.COMPLAINT_SPIKE) {
                shares[0] = 70; // WAIT_TIME
                shares[1] = 30; // STAFF
            } else if (s.weakDimension == Dimension.TANGIBLES) {
                shares[4] = 20;
            } else if (s.weakDimension == Dimension.EMPATHY) {
                shares[1] = 35;
            }
            return shares;
        }

        /** An instant in the month (UTC), at a plausible local hour for the site and channel. */
        private Instant instantIn(Site s, YearMonth ym, boolean digital) {
            Instant start = ym.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = ym.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            while (true) {
                int day = 1 + rng.nextInt(ym.lengthOfMonth());
                int hour = digital ? 7 + rng.nextInt(17) : 9 + rng.nextInt(13);
                LocalDateTime local = ym.atDay(day).atTime(hour, rng.nextInt(60), rng.nextInt(60));
                Instant at = local.atZone(s.zone).toInstant();
                if (!at.isBefore(start) && at.isBefore(end)) {
                    return at;
                }
            }
        }

        private String comment(Site s, int sat, String category) {
            double p = category != null ? 0.85 : sat <= 2 ? 0.6 : 0.35;
            if (rng.nextDouble() >= p) {
                return null;
            }
            double lang = rng.nextDouble();
            boolean zh = lang < s.zhShare;
            boolean positive = category == null && sat >= 4;
            boolean negative = category != null || sat <= 2;
            if (!zh && s.code.startsWith("TYO") && lang < s.zhShare + 0.3 && (positive || negative)) {
                return positive ? POSITIVE_JA : NEGATIVE_JA;
            }
            if (!zh && s.code.startsWith("PAR") && lang < s.zhShare + 0.25 && (positive || negative)) {
                return positive ? POSITIVE_FR : NEGATIVE_FR;
            }
            if (category != null) {
                return oneOf((zh ? COMPLAINT_ZH : COMPLAINT_EN).get(category));
            }
            if (positive) {
                return oneOf(zh ? POSITIVE_ZH : POSITIVE_EN);
            }
            if (negative) {
                return oneOf(zh ? NEGATIVE_ZH : NEGATIVE_EN);
            }
            return oneOf(zh ? NEUTRAL_ZH : NEUTRAL_EN);
        }

        // ---------------------------------------------------------- audits and KPIs

        private List<AuditItem> audit(Site s, int mi, YearMonth ym, int tier, Event event) {
            LocalDate date = ym.atDay(2 + rng.nextInt(26));
            String type;
            String auditor;
            if (mi == 6) {
                type = "EXTERNAL";
                auditor = oneOf(EXTERNAL_AUDITORS);
            } else if (mi % 3 == 1) {
                type = "MYSTERY_SHOPPER";
                auditor = oneOf(MYSTERY_SHOPPERS);
            } else {
                type = "INTERNAL";
                auditor = oneOf(s.chinese() ? AUDITORS_CN : AUDITORS_INTL);
            }
            String auditId = "AU-" + ym.toString().replace("-", "") + "-" + s.code;
            List<AuditItem> items = new ArrayList<>();
            for (Criterion c : CRITERIA) {
                AuditResult result;
                if (c.isMandatory()) {
                    boolean fail = event == Event.HYGIENE_FAIL && c.code().equals("HYGIENE")
                            || rng.nextDouble() < MANDATORY_FAIL[tier];
                    result = fail ? AuditResult.FAIL : AuditResult.PASS;
                } else {
                    double na = c.code().equals("PROMISE") ? 0.10 : c.code().equals("GREETING") ? 0.04 : 0;
                    double r = rng.nextDouble();
                    result = r < na ? AuditResult.NA : r < na + AUDIT_FAIL[tier] ? AuditResult.FAIL : AuditResult.PASS;
                }
                items.add(new AuditItem(auditId, s.code, date, type, auditor, c, result));
            }
            return items;
        }

        private List<KpiRow> kpis(Site s, YearMonth ym, int tier, Event event) {
            List<KpiRow> rows = new ArrayList<>();
            int[] weekly = {7, 14, 21, 28};
            double wait = event == Event.COMPLAINT_SPIKE ? SPIKE_WAIT_MEAN : WAIT_MEAN[tier];
            for (int day : weekly) {
                rows.add(new KpiRow(s.code, AVG_WAIT, ym.atDay(day), decimal(Math.max(1, wait + 0.8 * rng.nextGaussian()), 1)));
            }
            for (int day : weekly) {
                rows.add(new KpiRow(s.code, TRAINING, ym.atDay(day),
                        decimal(Math.max(0, TRAINING_WEEKLY[tier] + 1.5 * rng.nextGaussian()), 1)));
            }
            for (int day : new int[] {15, ym.lengthOfMonth()}) {
                rows.add(new KpiRow(s.code, TURNOVER, ym.atDay(day),
                        decimal(Math.max(0, TURNOVER_MEAN[tier] + 0.6 * rng.nextGaussian()), 1)));
            }
            for (int day : weekly) {
                rows.add(new KpiRow(s.code, ACCURACY, ym.atDay(day),
                        decimal(Math.min(100, ACCURACY_MEAN[tier] + 0.4 * rng.nextGaussian()), 2)));
            }
            return rows;
        }

        // ---------------------------------------------------------- deliberately bad rows (see class comment)

        private record Keyed(Instant key, List<String> fields) {
        }

        private List<Keyed> badFeedback(YearMonth ym, String prefix) {
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
                    "false", "", "").fields;
            e07.set(2, ym.atDay(20) + " 19:05:00");
            bad.add(new Keyed(ym.atDay(20).atTime(19, 5).toInstant(ZoneOffset.UTC), e07));
            bad.add(bad(prefix + "E08", "TY-LIUXIANG", ym.atDay(22).atTime(12, 45), "+08:00", "PHONE", "1", "2", "",
                    "true", "", "Waited ages, nobody cared."));
            bad.add(bad(prefix + "E09", "HF-BINHU", ym.atDay(23).atTime(17, 20), "+08:00", "APP", "2", "3", "", "true",
                    "", "收银台只开了一个，等了半小时。"));
            Keyed e10 = bad(prefix + "E10", "PAR-OPERA", ym.atDay(24).atTime(16, 0), "+02:00", "SURVEY", "4", "8", "",
                    "false", "", POSITIVE_FR);
            e10.fields.set(6, "6"); // reliability
            bad.add(e10);
            bad.add(bad(prefix + "E11", "SYD-CBD", ym.atDay(25).atTime(9, 30), "+10:00", "EMAIL", "2", "4", "", "true",
                    "-3", "Charged twice for the same item, still waiting for the refund."));
            bad.get(bad.size() - 1).fields.set(12, "BILLING");
            bad.add(bad(prefix + "E12", "LON-SOHO", ym.atDay(26).atTime(14, 15), "+01:00", "FAX", "4", "7", "", "false",
                    "", ""));
            if (bad.size() != BAD_FEEDBACK_ROWS) {
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

        private static List<List<String>> badAudits(YearMonth ym) {
            String id = "AU-" + ym.toString().replace("-", "") + "-";
            String day = ym.atDay(27).toString();
            return List.of(
                    List.of(id + "E01", "WH-GUANGGU", day, "INTERNAL", "李伟 Li Wei", "HYGIENE", "PASS"),
                    List.of(id + "E02", "SH-PUDONG", day, "INTERNAL", "王芳 Wang Fang", "WIFI_SPEED", "PASS"),
                    List.of(id + "E03", "BJ-CHAOYANG", day, "MYSTERY_SHOPPER", "Mystery Shopper 21", "HYGIENE", "MAYBE"));
        }

        private static List<List<String>> badKpis(YearMonth ym) {
            return List.of(
                    List.of("WH-GUANGGU", "AVG_WAIT_MIN", ym.atDay(7).toString(), "7.5"),
                    List.of("SH-XUHUI", "NPS_TARGET", ym.atDay(7).toString(), "35"),
                    List.of("GZ-TIANHE", "AVG_WAIT_MIN", ym.atDay(3).toString(), "n/a"));
        }

        // ---------------------------------------------------------- random helpers

        private int pick(double[] weights) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double r = rng.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            for (int i = weights.length - 1; i >= 0; i--) {
                if (weights[i] > 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no positive weight");
        }

        private String oneOf(String[] values) {
            return values[rng.nextInt(values.length)];
        }

        private static double[] interpolate(double[][] table, double q) {
            int lo = (int) Math.floor(q);
            int hi = Math.min(table.length - 1, lo + 1);
            double w = q - lo;
            double[] out = new double[table[lo].length];
            for (int i = 0; i < out.length; i++) {
                out[i] = table[lo][i] * (1 - w) + table[hi][i] * w;
            }
            return out;
        }

        /** Largest-remainder apportionment of n among the shares. */
        private static int[] quota(double[] shares, int n) {
            int[] counts = new int[shares.length];
            double[] remainder = new double[shares.length];
            int assigned = 0;
            for (int i = 0; i < shares.length; i++) {
                double exact = shares[i] * n;
                counts[i] = (int) Math.floor(exact);
                remainder[i] = exact - counts[i];
                assigned += counts[i];
            }
            while (assigned < n) {
                int best = 0;
                for (int i = 1; i < shares.length; i++) {
                    if (remainder[i] > remainder[best]) {
                        best = i;
                    }
                }
                counts[best]++;
                remainder[best] = -1;
                assigned++;
            }
            return counts;
        }

        private static BigDecimal decimal(double value, int scale) {
            return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
        }
    }
}
