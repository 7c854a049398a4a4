package vn.gov.par.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.notification.NotificationServiceApplication;
import vn.gov.par.notification.reminder.ReminderDispatcher;
import vn.gov.par.plan.PlanServiceApplication;
import vn.gov.par.report.ReportServiceApplication;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.task.TaskServiceApplication;
import vn.gov.par.task.task.Tasks;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.TestTokens;

/**
 * The four services together, talking only through the embedded Kafka broker, each with its own
 * database, mailing through GreenMail: Bình Phước issues its plan, and every service does its part —
 * obligations and prepared drafts (plan-service), tasks for "UBND các huyện" (task-service), quarterly
 * report obligations (report-service), and reminders and escalations that stop once the work is done
 * (notification-service).
 */
class CascadeAcrossServicesTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static GreenMail smtp;
    private static RunningService plans;
    private static RunningService tasks;
    private static RunningService reports;
    private static RunningService notifications;

    @BeforeAll
    static void startThePlatform() {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        plans = RunningService.start(PlanServiceApplication.class, "plan-service", CLOCK, Map.of());
        tasks = RunningService.start(TaskServiceApplication.class, "task-service", CLOCK, Map.of("par.tasks.sweep-initial-delay", "1d"));
        reports = RunningService.start(ReportServiceApplication.class, "report-service", CLOCK, Map.of("par.reports.sweep-initial-delay", "1d"));
        notifications = RunningService.start(NotificationServiceApplication.class, "notification-service", CLOCK, Map.of(
                "spring.mail.host", "127.0.0.1", "spring.mail.port", smtpPort, "par.notifications.dispatch-initial-delay", "1d",
                "resilience4j.retry.instances.smtp.wait-duration", "50ms"));
    }

    @AfterAll
    static void stopThePlatform() {
        for (RunningService service : new RunningService[] {notifications, reports, tasks, plans}) {
            if (service != null) {
                service.close();
            }
        }
        smtp.stop();
    }

    @Test
    void aProvincePlanReachesEveryServiceAndRemindersStopOnceTheWorkIsDone() throws Exception {
        HttpJson planApi = plans.api();
        planApi.ok(planApi.send("/api/units/import", MediaType.parseMediaType("text/csv"), resource("binh-phuoc.csv")));
        HttpJson notificationApi = notifications.api();
        String contacts = """
                unitCode,name,position,email
                70,Trần Tuệ Hiền,Phó Chủ tịch UBND tỉnh,tinh@binhphuoc.gov.vn
                70-SNV,Lê Thị Hà,Chuyên viên Sở Nội vụ,snv@binhphuoc.gov.vn
                694,Nguyễn Văn Hạ,Phó Chủ tịch UBND huyện,honquan@binhphuoc.gov.vn
                691,,,locninh@binhphuoc.gov.vn
                """;
        await().atMost(Duration.ofSeconds(60)).until(() -> notificationApi.send("/api/contacts/import", MediaType.parseMediaType("text/csv"),
                contacts).ok());

        at(2025, 3, 3, 9, 0);
        HttpJson province = planApi.as(TestTokens.leaderOf("70"));
        String plan = province.ok(province.post("/api/plans", Map.of("issuerCode", "70", "content", Map.of(
                "title", "Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn tỉnh Bình Phước",
                "year", 2025, "signer", "Trần Tuệ Hiền",
                "activities", List.of(Map.of("label", "a", "content", "Đăng tin, bài tuyên truyền cải cách hành chính",
                        "product", "Mỗi quý 01 bản tin", "leadUnits", List.of("UBND các huyện"), "timeframe", "hàng quý")),
                "reportingClause", "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).",
                "cascade", Map.of("dueDate", "2025-03-31"))))).get("id").asString();
        province.ok(province.post("/api/plans/" + plan + "/issue", Map.of("number", "96/KH-UBND")));

        await().atMost(Duration.ofSeconds(60)).until(() -> total(planApi.ok(planApi.get("/api/plans/" + plan + "/cascade")).get("total")) == 2
                && tasks.api().ok(tasks.api().get("/api/tasks?planId=" + plan)).get("totalElements").asInt() == 8
                && reports.api().ok(reports.api().get("/api/reports?planId=" + plan)).get("totalElements").asInt() == 8
                && notifications.bean(MongoTemplate.class).count(Query.query(Criteria.where("planId").is(plan)), "deadlines") == 18);

        JsonNode honQuanReports = reports.api().ok(reports.api().get("/api/reports?unitCode=694&planId=" + plan));
        assertThat(honQuanReports.get("content")).as("the clause's four periods, due on the 20th, through the office it names")
                .extracting(r -> r.get("periodName").asString() + " " + r.get("dueDate").asString() + " " + r.get("via").asString())
                .containsExactlyInAnyOrder("Quý I/2025 2025-03-20 Sở Nội vụ", "6 tháng đầu năm 2025 2025-06-20 Sở Nội vụ",
                        "9 tháng đầu năm 2025 2025-09-20 Sở Nội vụ", "Năm 2025 2025-12-20 Sở Nội vụ");

        at(2025, 3, 24, 7, 31);
        tasks.bean(Tasks.class).sweepDeadlines();
        Map<String, String> firstMonday = await().atMost(Duration.ofSeconds(60)).until(this::dispatch, mails -> mails.size() == 2);
        assertThat(firstMonday).as("the districts; Sở Nội vụ not yet: escalations wait three working days")
                .containsOnlyKeys("honquan@binhphuoc.gov.vn", "locninh@binhphuoc.gov.vn");
        assertThat(firstMonday.get("honquan@binhphuoc.gov.vn")).contains("Ban hành kế hoạch thực hiện Kế hoạch số 96/KH-UBND", "31/03/2025",
                "Báo cáo kết quả Quý I/2025", "Đã quá hạn");

        at(2025, 3, 25, 7, 31);
        Map<String, String> tuesday = await().atMost(Duration.ofSeconds(60)).until(this::dispatch,
                mails -> mails.containsKey("snv@binhphuoc.gov.vn"));
        assertThat(tuesday.get("snv@binhphuoc.gov.vn")).as("the report goes 'qua Sở Nội vụ': the office hears of it on the third working "
                + "day late (due Thursday 20/03; Friday, Monday, Tuesday)").contains("UBND huyện Hớn Quản", "UBND huyện Lộc Ninh");
        Matcher link = Pattern.compile("/reports/(\\S+)").matcher(tuesday.get("snv@binhphuoc.gov.vn"));
        assertThat(link.find()).as("each late report links to itself").isTrue();
        HttpJson office = reports.api().as(TestTokens.leaderOf("70-SNV"));
        assertThat(office.ok(office.get("/api/reports/" + link.group(1))).get("unitCode").asString()).as("and the office may open it")
                .isIn("691", "694");

        at(2025, 3, 26, 10, 0);
        String draft = planApi.ok(planApi.get("/api/plans?issuerCode=694&status=DRAFT")).get("content").get(0).get("id").asString();
        Map<String, Object> content = new LinkedHashMap<>(JSON.convertValue(planApi.ok(planApi.get("/api/plans/" + draft)).get("content"), Map.class));
        content.put("signer", "Nguyễn Văn Hạ");
        content.put("cascade", Map.of("dueDate", "2025-04-30"));
        HttpJson district = planApi.as(TestTokens.leaderOf("694"));
        district.ok(district.put("/api/plans/" + draft + "/content", content));
        district.ok(district.post("/api/plans/" + draft + "/issue", Map.of("number", "35/KH-UBND")));
        HttpJson reportApi = reports.api();
        HttpJson districtReports = reportApi.as(TestTokens.officerOf("694"));
        String firstQuarter = reportApi.ok(reportApi.get("/api/reports?unitCode=694&planId=" + plan + "&periodType=Q1")).get("content").get(0)
                .get("id").asString();
        districtReports.ok(districtReports.put("/api/reports/" + firstQuarter + "/draft", Map.of("indicators", Map.of("newsArticles", 12))));
        districtReports.ok(districtReports.post("/api/reports/" + firstQuarter + "/submit", Map.of("by", "Nguyễn Văn Hạ")));

        await().atMost(Duration.ofSeconds(60)).until(() -> "ISSUED_ON_TIME".equals(statusOf(planApi.ok(planApi.get("/api/plans/" + plan
                + "/cascade")), "694")));
        JsonNode rollup = reportApi.ok(reportApi.get("/api/rollups/reports?unitCode=70&rootPlanId=" + plan + "&periodType=Q1"));
        assertThat(rollup.get("units")).extracting(u -> u.get("unitCode").asString() + ":" + u.get("submission").asString())
                .containsExactly("691:MISSING", "694:LATE");

        MongoTemplate notificationStore = notifications.bean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> notificationStore.count(Query.query(Criteria.where("planId").is(plan)
                .and("unitCode").is("694").and("open").is(true).and("kind").in("SUB_PLAN", "REPORT").and("dueDate").lte(LocalDate.of(2025, 3, 31))),
                "deadlines") == 0);

        at(2025, 3, 28, 7, 31);
        Map<String, String> friday = await().atMost(Duration.ofSeconds(60)).until(this::dispatch,
                mails -> mails.containsKey("locninh@binhphuoc.gov.vn"));
        assertThat(friday.get("locninh@binhphuoc.gov.vn")).contains("Ban hành kế hoạch", "Đăng tin, bài tuyên truyền cải cách hành chính");
        assertThat(friday.getOrDefault("honquan@binhphuoc.gov.vn", "")).as("Hớn Quản issued its plan and sent its report")
                .doesNotContain("Ban hành kế hoạch", "Báo cáo kết quả Quý I/2025");
    }

    /**
     * Tây Ninh's 2025 arrangement, mid-quarter: huyện Tân Biên is merged into huyện Hòa Thành, formed that day. Every service
     * hands Tân Biên's open work to Hòa Thành: the sub-plan it owed, its quarters of news, its reports, its contact; Tân Biên
     * keeps its name and is reminded of nothing, and nobody is told it is late.
     */
    @Test
    void aDistrictMergedMidQuarterHandsItsOpenWorkToItsSuccessorInEveryService() throws Exception {
        HttpJson planApi = plans.api();
        planApi.ok(planApi.send("/api/units/import", MediaType.parseMediaType("text/csv"), """
                code,name,level,kind,parentCode
                TW,Chính phủ,CENTRAL,GOVERNMENT,
                72,UBND tỉnh Tây Ninh,PROVINCE,GOVERNMENT,TW
                721,UBND huyện Tân Biên,DISTRICT,GOVERNMENT,72
                722,UBND huyện Tân Châu,DISTRICT,GOVERNMENT,72
                """));
        HttpJson notificationApi = notifications.api();
        await().atMost(Duration.ofSeconds(60)).until(() -> notificationApi.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                72,Nguyễn Thanh Ngọc,Phó Chủ tịch UBND tỉnh,tinh@tayninh.gov.vn
                721,Phan Văn Biên,Phó Chủ tịch UBND huyện,bien@tayninh.gov.vn
                722,Lê Văn Châu,Phó Chủ tịch UBND huyện,chau@tayninh.gov.vn
                """).ok());

        at(2025, 3, 3, 9, 0);
        HttpJson province = planApi.as(TestTokens.leaderOf("72"));
        String plan = province.ok(province.post("/api/plans", Map.of("issuerCode", "72", "content", Map.of(
                "title", "Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn tỉnh Tây Ninh",
                "year", 2025, "signer", "Nguyễn Thanh Ngọc",
                "activities", List.of(Map.of("label", "a", "content", "Đăng tin, bài tuyên truyền cải cách hành chính",
                        "product", "Mỗi quý 01 bản tin", "leadUnits", List.of("UBND các huyện"), "timeframe", "hàng quý")),
                "reportingClause", "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND tỉnh.",
                "cascade", Map.of("dueDate", "2025-03-31"))))).get("id").asString();
        province.ok(province.post("/api/plans/" + plan + "/issue", Map.of("number", "12/KH-UBND")));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(tasks.api(), "/api/tasks?planId=" + plan) == 8
                && count(reports.api(), "/api/reports?planId=" + plan) == 8);

        at(2025, 3, 10, 9, 0);
        HttpJson administrator = planApi.as(TestTokens.administratorOf("72"));
        administrator.ok(administrator.send("/api/units/import", MediaType.parseMediaType("text/csv"), """
                code,name,level,kind,parentCode,establishedOn
                723,UBND huyện Hòa Thành,DISTRICT,GOVERNMENT,72,10/03/2025
                """));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(tasks.api(), "/api/tasks?planId=" + plan + "&unitCode=723") == 4);
        administrator.ok(administrator.post("/api/units/723/merge", Map.of("unitCodes", List.of("721"), "mergedOn", "2025-03-10")));

        await().atMost(Duration.ofSeconds(60)).until(() -> "PENDING".equals(statusOf(planApi.ok(planApi.get("/api/plans/" + plan + "/cascade")), "723"))
                && count(tasks.api(), "/api/tasks?planId=" + plan + "&unitCode=721") == 0
                && count(reports.api(), "/api/reports?planId=" + plan + "&unitCode=723") == 4
                && count(reports.api(), "/api/reports?planId=" + plan + "&unitCode=721&status=CANCELLED") == 4
                && notificationApi.ok(notificationApi.get("/api/contacts/723")).toString().contains("bien@tayninh.gov.vn"));
        // notification-service follows the same events on its own time: Hòa Thành's deadlines there, Tân Biên's closed.
        MongoTemplate notificationStore = notifications.bean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> notificationStore.count(Query.query(Criteria.where("planId").is(plan)
                .and("unitCode").is("723").and("open").is(true).and("kind").is("REPORT").and("dueDate").lte(LocalDate.of(2025, 3, 31))),
                "deadlines") == 1
                && notificationStore.count(Query.query(Criteria.where("planId").is(plan).and("unitCode").is("721").and("open").is(true)),
                        "deadlines") == 0);
        assertThat(statusOf(planApi.ok(planApi.get("/api/plans/" + plan + "/cascade")), "721")).as("kept under its own name, owed no more")
                .isEqualTo("CANCELLED");
        assertThat(planApi.ok(planApi.get("/api/units/721")).get("name").asString()).isEqualTo("UBND huyện Tân Biên");

        at(2025, 3, 25, 7, 31);
        tasks.bean(Tasks.class).sweepDeadlines();
        Map<String, String> mails = await().atMost(Duration.ofSeconds(60)).until(this::dispatch,
                sent -> sent.containsKey("tinh@tayninh.gov.vn") && sent.containsKey("bien@tayninh.gov.vn"));
        assertThat(mails.get("tinh@tayninh.gov.vn")).as("the province hears of the districts late with their first quarter's report")
                .contains("UBND huyện Hòa Thành", "UBND huyện Tân Châu").doesNotContain("UBND huyện Tân Biên");
        assertThat(mails.get("bien@tayninh.gov.vn")).as("Tân Biên's official now works for Hòa Thành")
                .contains("UBND huyện Hòa Thành", "Báo cáo kết quả Quý I/2025").doesNotContain("UBND huyện Tân Biên");
    }

    private static long count(HttpJson api, String path) {
        return api.ok(api.get(path)).get("totalElements").asLong();
    }

    /**
     * The request that issues a plan starts one trace, and every service that acts on the plan publishes its events in
     * it: an operator follows the cascade through plan-, task- and report-service by one trace id (notification-service
     * consumes in it too, but publishes only when it mails, in the dispatcher's own trace).
     */
    @Test
    void aPlansCascadeIsOneTraceThroughTheServicesThatActOnIt() {
        HttpJson planApi = plans.api();
        planApi.ok(planApi.send("/api/units/import", MediaType.parseMediaType("text/csv"), resource("binh-phuoc.csv")));
        at(2026, 1, 5, 9, 0);
        // Huyện Lộc Ninh's plan: its one commune owes a sub-plan, quarterly news and quarterly reports.
        HttpJson locNinh = planApi.as(TestTokens.leaderOf("691"));
        String plan = locNinh.ok(locNinh.post("/api/plans", Map.of("issuerCode", "691", "content", Map.of(
                "title", "Thông tin, tuyên truyền cải cách hành chính năm 2026 trên địa bàn huyện Lộc Ninh",
                "year", 2026, "signer", "Lê Văn Thử",
                "activities", List.of(Map.of("label", "a", "content", "Đăng tin, bài tuyên truyền cải cách hành chính",
                        "product", "Mỗi quý 01 bản tin", "leadUnits", List.of("UBND các xã, thị trấn"), "timeframe", "hàng quý")),
                "reportingClause", "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND huyện.",
                "cascade", Map.of("dueDate", "2026-02-27"))))).get("id").asString();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        locNinh.ok(locNinh.withHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").post("/api/plans/" + plan + "/issue",
                Map.of("number", "97/KH-UBND")));

        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.api().ok(tasks.api().get("/api/tasks?planId=" + plan)).get("totalElements").asInt() == 4
                && reports.api().ok(reports.api().get("/api/reports?planId=" + plan)).get("totalElements").asInt() == 4
                && Stream.of(plans, tasks, reports).allMatch(service -> service.bean(OutboxRelay.class).pending() == 0));
        KafkaTopicProbe kafka = KafkaTopicProbe.embedded();
        Map<String, List<String>> traceIdsByType = new TreeMap<>();
        for (String topic : List.of(Topics.PLAN_EVENTS, Topics.TASK_EVENTS, Topics.REPORT_EVENTS)) {
            for (ConsumerRecord<String, byte[]> record : kafka.readAll(topic)) {
                JsonNode event = JSON.readTree(record.value());
                if (Stream.of("/data/planId", "/data/parentPlanId", "/data/report/planId").anyMatch(field -> plan.equals(event.at(field).asString(null)))) {
                    traceIdsByType.computeIfAbsent(event.get("type").asString(), t -> new ArrayList<>()).add(traceIdOf(record));
                }
            }
        }
        assertThat(traceIdsByType).as("what each service published about the plan, by the trace id it carries")
                .containsKeys(EventCatalog.PLAN_ISSUED.name(), EventCatalog.SUB_PLAN_OBLIGATION_CREATED.name(), EventCatalog.TASKS_ASSIGNED.name(),
                        EventCatalog.REPORT_PERIODS_SCHEDULED.name(), EventCatalog.REPORTS_DUE.name())
                .allSatisfy((type, traceIds) -> assertThat(traceIds).as(type).containsOnly(traceId));
    }

    private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
        Header traceparent = record.headers().lastHeader("traceparent");
        return traceparent == null ? "none" : new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1];
    }

    /**
     * Huyện Hớn Quản's own plan, with activities as its 2024 plan words them (section II.3): named offices, groups
     * ("UBND các xã, thị trấn", "các cơ quan, ban, ngành huyện") and timeframes ("hàng quý", "thường xuyên").
     */
    @Test
    void aDistrictPlansActivitiesBecomeTasksForNamedOfficesAndEveryUnitOfTheGroupsItNames() {
        HttpJson planApi = plans.api();
        planApi.ok(planApi.send("/api/units/import", MediaType.parseMediaType("text/csv"), resource("binh-phuoc.csv")));
        planApi.ok(planApi.send("/api/units/import", MediaType.parseMediaType("text/csv"), resource("hon-quan-offices.csv")));
        HttpJson taskApi = tasks.api();
        // Units reach task-service through their own events; officials import them well before they issue plans.
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("694-PVHTT", "694-TTVHTT", "694-VP", "694-DTTTH", "25327").stream()
                .allMatch(unit -> taskApi.get("/api/rollups/units/" + unit).ok()));
        at(2025, 1, 10, 9, 0);
        HttpJson honQuan = planApi.as(TestTokens.leaderOf("694"));
        String plan = honQuan.ok(honQuan.post("/api/plans", Map.of("issuerCode", "694", "content", Map.of(
                "title", "Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn huyện Hớn Quản",
                "year", 2025, "signer", "Nguyễn Văn Hạ",
                "activities", List.of(
                        activity("a", "Phát hành các ấn phẩm như áp phích, tờ rơi, tờ gấp",
                                "Phòng Văn hóa - Thông tin huyện và UBND các xã, thị trấn",
                                "Trung tâm Văn hóa - Thể thao huyện, Ban Tuyên giáo Huyện ủy và các cơ quan, đơn vị liên quan", "thường xuyên"),
                        activity("c", "Đăng tin, bài tuyên truyền công tác cải cách hành chính, chuyển đổi số",
                                "Phòng Văn hóa - Thông tin huyện, UBND các xã, thị trấn",
                                "Văn phòng HĐND&UBND huyện, Phòng Nội vụ và các cơ quan, đơn vị liên quan", "trong năm 2025"),
                        activity("đ", "Biên tập, in ấn phát hành Bản tin cải cách hành chính.", "Phòng Nội vụ, Phòng Văn hóa – Thông tin huyện",
                                "các cơ quan, ban, ngành huyện; UBND các xã, thị trấn và các cơ quan, đơn vị liên quan", "hàng quý/2025")),
                "reportingClause", "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả tuyên truyền cải cách hành chính "
                        + "về UBND huyện (qua Phòng Văn hóa và Thông tin).",
                "cascade", Map.of("dueDate", "2025-02-28"))))).get("id").asString();
        HttpJson.Response unconfirmed = honQuan.post("/api/plans/" + plan + "/issue", Map.of("number", "36/KH-UBND"));
        assertThat(unconfirmed.body().get("errors").toString()).as("the party's committee is no unit of the directory")
                .contains("Ban Tuyên giáo Huyện ủy");
        honQuan.ok(honQuan.post("/api/plans/" + plan + "/issue", Map.of("number", "36/KH-UBND", "confirmUnassigned", true)));

        // a: 4 units × 4 report-period checkpoints; c: 5 units × 1; đ: 7 units × 4 quarters
        Map<String, List<String>> byUnit = await().atMost(Duration.ofSeconds(60)).until(() -> occurrencesByUnit(taskApi, plan),
                found -> found.values().stream().mapToInt(List::size).sum() == 4 * 4 + 5 + 7 * 4);
        assertThat(byUnit.get("694-PNV")).as("Phòng Nội vụ leads the quarterly bulletin and cooperates in posting news, in %s", byUnit)
                .containsExactly("c COOPERATING 2025-12-31", "đ LEAD 2025-03-31", "đ LEAD 2025-06-30", "đ LEAD 2025-09-30", "đ LEAD 2025-12-31");
        assertThat(byUnit.get("25327")).as("a commune of 'UBND các xã, thị trấn': ongoing work checked at each report period's cut-off")
                .containsExactly("a LEAD 2025-03-14", "a LEAD 2025-06-14", "a LEAD 2025-09-14", "a LEAD 2025-12-14", "c LEAD 2025-12-31",
                        "đ COOPERATING 2025-03-31", "đ COOPERATING 2025-06-30", "đ COOPERATING 2025-09-30", "đ COOPERATING 2025-12-31");
        assertThat(byUnit.get("25357")).isEqualTo(byUnit.get("25327"));
        assertThat(byUnit.get("694-VP")).as("'Văn phòng HĐND&UBND huyện' is the office named 'Văn phòng HĐND và UBND huyện Hớn Quản', in %s", byUnit)
                .containsExactly("c COOPERATING 2025-12-31", "đ COOPERATING 2025-03-31", "đ COOPERATING 2025-06-30", "đ COOPERATING 2025-09-30",
                        "đ COOPERATING 2025-12-31");
        assertThat(byUnit.get("694-TTVHTT")).startsWith("a COOPERATING 2025-03-14");
        assertThat(byUnit).as("only the district's own units; the province and the other district are not in its plan")
                .doesNotContainKeys("70", "70-SNV", "691", "25216", "694");
        JsonNode unresolved = taskApi.ok(taskApi.get("/api/plans/" + plan + "/unresolved-assignees"));
        assertThat(unresolved.toString()).as("a body that is not in the directory is kept and shown, not dropped")
                .contains("Ban Tuyên giáo Huyện ủy");
    }

    private static Map<String, Object> activity(String label, String content, String lead, String cooperating, String timeframe) {
        return Map.of("label", label, "content", content, "leadUnits", List.of(lead), "cooperatingUnits", List.of(cooperating),
                "timeframe", timeframe);
    }

    /** Each unit's occurrences under the plan as "label ROLE dueDate", in activity and date order. */
    private static Map<String, List<String>> occurrencesByUnit(HttpJson taskApi, String plan) {
        Map<String, List<String>> byUnit = new TreeMap<>();
        JsonNode page = taskApi.ok(taskApi.get("/api/tasks?planId=" + plan + "&size=500"));
        for (JsonNode o : page.get("content")) {
            byUnit.computeIfAbsent(o.get("unitCode").asString(), u -> new ArrayList<>())
                    .add(activityLabel(o) + " " + o.get("role").asString() + " " + o.get("dueDate").asString());
        }
        byUnit.values().forEach(Collections::sort);
        return byUnit;
    }

    private static String activityLabel(JsonNode occurrence) {
        String content = occurrence.get("activityContent").asString();
        return content.startsWith("Phát hành") ? "a" : content.startsWith("Đăng tin") ? "c" : "đ";
    }

    /** Runs the notification dispatcher and answers what each recipient received, as plain text. */
    private Map<String, String> dispatch() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        notifications.bean(ReminderDispatcher.class).dispatch();
        Map<String, String> mails = new TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            mails.merge(message.getAllRecipients()[0].toString().replaceAll("^.*<|>$", ""), textOf(message), String::concat);
        }
        return mails;
    }

    private static String textOf(MimeMessage message) throws Exception {
        String raw = GreenMailUtil.getWholeMessage(message);
        jakarta.mail.internet.MimeMessage parsed = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        return collectText(parsed.getContent());
    }

    private static String collectText(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text.append(part.getContent());
                } else if (part.getContent() instanceof jakarta.mail.Multipart) {
                    text.append(collectText(part.getContent()));
                }
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    private static String statusOf(JsonNode cascade, String unitCode) {
        for (JsonNode node : cascade.get("children")) {
            if (node.get("unitCode").asString().equals(unitCode)) {
                return node.get("status").asString();
            }
        }
        return null;
    }

    private static int total(JsonNode counts) {
        return counts.get("total").asInt();
    }

    private static void at(int year, int month, int day, int hour, int minute) {
        CLOCK.setInstant(LocalDateTime.of(year, month, day, hour, minute).atZone(MutableClock.VIETNAM).toInstant());
    }

    private static String resource(String name) {
        try (var in = CascadeAcrossServicesTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
