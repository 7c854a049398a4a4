package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.report.ReportDue;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskOverdue;
import vn.gov.par.contracts.unit.UnitRetired;

/**
 * A unit dissolved or merged away (issue #24), day by day on a moved clock: nothing more goes out about it or to it, what was
 * already planned or due included, and a deadline announced for it later opens nothing; the unit it was merged into has its
 * contacts, once; the escalations it would have received go to its successor, or, dissolved, to the unit it sat under.
 */
class RetiredUnitsTest extends ReminderIntegrationTest {

    private static final String ACTIVITY = "Tuyên truyền cải cách hành chính trên hệ thống truyền thanh cơ sở";
    private static final String THANH_BINH = "Xã Thanh Bình";
    private static final String TAN_HUNG = "Xã Tân Hưng";
    private static final String CU = "cu.thanhbinh@binhphuoc.gov.vn";
    private static final String THANH_BINH_MAILBOX = "ubnd.thanhbinh@binhphuoc.gov.vn";
    private static final String LOC_NINH = "ubnd.locninh@binhphuoc.gov.vn";
    private static final String PROVINCE = "tinh@binhphuoc.gov.vn";

    /**
     * Thanh Bình owes a task and a report due Friday 19/09/2025, both under Hớn Quản's plan. It is merged into Tân Hưng on
     * Thursday 18/09 at 09:00, after the day's reminders came due at 07:30 and before they went out: they never go out, nor
     * does anything after (the day itself, overdue, the escalation to Hớn Quản), and what it is given later, or given again,
     * opens nothing. Tân Hưng has its people and its mailbox, the one person both had once; what Tân Hưng's officials change
     * afterwards stands when the retirement is delivered again.
     */
    @Test
    void aMergedCommuneIsRemindedOfNothingMoreAndItsSuccessorTakesOverItsContactsOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String thanhBinh = "25330-" + run;
        String tanHung = "25333-" + run;
        unit(thanhBinh, THANH_BINH, "COMMUNE", "GOVERNMENT", "TW", "70", "694");
        unit(tanHung, TAN_HUNG, "COMMUNE", "GOVERNMENT", "TW", "70", "694");
        awaitUnitsKnown(thanhBinh, tanHung);
        api.ok(api.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                %1$s,Đỗ Văn Cũ,Công chức Văn hóa - Xã hội,cu.thanhbinh@binhphuoc.gov.vn
                %1$s,Trần Thị Mới,Công chức Văn phòng - Thống kê,Moi.TanHung@binhphuoc.gov.vn
                %1$s,,,ubnd.thanhbinh@binhphuoc.gov.vn
                %2$s,Trần Thị Mới,Công chức Văn phòng - Thống kê,moi.tanhung@binhphuoc.gov.vn
                """.formatted(thanhBinh, tanHung)));

        LocalDate friday = LocalDate.of(2025, 9, 19);
        at(2025, 9, 1, 9, 0);
        String task = assign(run, thanhBinh, new ScheduledOccurrence(run + "-q3", "Quý III/2025", friday));
        String report = reportDue(reportFacts(run, thanhBinh, THANH_BINH, friday, null));
        awaitReminders(task, 4);
        awaitReminders(report, 4);
        at(2025, 9, 9, 7, 31);
        assertThat(dispatchAndCollect()).as("ten days before its task, Thanh Bình is reminded").containsKey(CU);

        at(2025, 9, 18, 9, 0);
        UnitRetired merged = new UnitRetired(thanhBinh, THANH_BINH, "70", List.of("TW", "70", "694"), LocalDate.of(2025, 9, 18), tanHung,
                TAN_HUNG);
        KAFKA.publish(EventCatalog.UNIT_RETIRED, "70", merged);
        awaitConsumed(Topics.UNIT_EVENTS);
        assertThat(pending(task) + pending(report)).as("what was planned for it, the reminders due this morning included").isZero();
        at(2025, 9, 18, 9, 1);
        assertThat(dispatchAndCollect()).as("the reminders that came due before it was retired do not go out").isEmpty();

        JsonNode tanHungContacts = api.ok(api.get("/api/contacts/" + tanHung));
        assertThat(emails(tanHungContacts)).as("its people, the one both had once").containsExactly("moi.tanhung@binhphuoc.gov.vn", CU);
        assertThat(tanHungContacts.get("mailbox").asString()).as("and its mailbox, Tân Hưng having none").isEqualTo(THANH_BINH_MAILBOX);
        assertThat(tanHungContacts.get("lastChange").get("action").asString()).isEqualTo("TAKEN_OVER");
        JsonNode thanhBinhContacts = api.ok(api.get("/api/contacts/" + thanhBinh));
        assertThat(emails(thanhBinhContacts)).as("Thanh Bình's own stay, as history").hasSize(2);
        assertThat(thanhBinhContacts.get("lastChange").get("action").asString()).isEqualTo("HANDED_OVER");

        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "plan-" + run, assignment(run, thanhBinh,
                new ScheduledOccurrence(run + "-q4", "Quý IV/2025", LocalDate.of(2025, 10, 20))));
        KAFKA.publish(EventCatalog.TASK_OVERDUE, "plan-" + run, new TaskOverdue(new TaskOccurrenceFacts(run + "-q3", "task-" + run,
                "plan-" + run, "35/KH-UBND", "Kế hoạch huyện Hớn Quản", thanhBinh, THANH_BINH, "70", "LEAD", ACTIVITY, "Quý III/2025", friday)));
        KAFKA.publish(EventCatalog.REPORT_DUE, "70", new ReportDue(new ReportObligationFacts("report-" + run + "-q3", "plan-" + run,
                "35/KH-UBND", "Kế hoạch huyện Hớn Quản", thanhBinh, THANH_BINH, "70", "694", null, "QUARTER", "Quý III năm 2025",
                LocalDate.of(2025, 6, 15), LocalDate.of(2025, 9, 14), LocalDate.of(2025, 9, 30))));
        redeliver(Topics.TASK_EVENTS, run);
        awaitConsumed(Topics.REPORT_EVENTS);
        Query itsDeadlines = Query.query(Criteria.where("unitCode").is(thanhBinh));
        assertThat(mongo.count(itsDeadlines, "deadlines")).as("a later assignment, a later report, a redelivered one open nothing")
                .isEqualTo(2);
        assertThat(mongo.count(Query.query(Criteria.where("unitCode").is(thanhBinh).and("open").is(true)), "deadlines")).isZero();

        redeliverRetirementOf(thanhBinh);
        assertThat(api.ok(api.get("/api/contacts/" + tanHung))).as("the retirement delivered again changes nothing")
                .isEqualTo(tanHungContacts);
        api.ok(api.put("/api/contacts/" + tanHung, Map.of("mailbox", "ubnd.tanhung@binhphuoc.gov.vn", "people", List.of(Map.of(
                "name", "Trần Thị Mới", "position", "Công chức Văn phòng - Thống kê", "email", "moi.tanhung@binhphuoc.gov.vn")))));
        redeliverRetirementOf(thanhBinh);
        JsonNode edited = api.ok(api.get("/api/contacts/" + tanHung));
        assertThat(emails(edited)).as("a contact Tân Hưng's officials removed does not come back")
                .containsExactly("moi.tanhung@binhphuoc.gov.vn");
        assertThat(edited.get("mailbox").asString()).isEqualTo("ubnd.tanhung@binhphuoc.gov.vn");

        Map<String, Map<LocalDate, String>> afterwards = dispatchDaily(LocalDate.of(2025, 9, 19), LocalDate.of(2025, 10, 3));
        assertThat(afterwards).as("not on the day, not when late, no escalation to Hớn Quản: nothing about Thanh Bình, to anyone").isEmpty();
        assertThat(logged("plan-" + run, "SENT", CU)).as("what went out before stays in the mail log").isEqualTo(1);
    }

    /**
     * Sở Thông tin và Truyền thông's quarterly report, owed by Lộc Ninh, is due Thursday 20/03/2025; on the Friday the Sở is
     * merged into Sở Khoa học và Công nghệ. The escalation on the third working day late goes to Sở Khoa học và Công nghệ,
     * not to the province (where an office nobody can be written to would pass it).
     */
    @Test
    void anEscalationToAPlanIssuerMergedAwayGoesToItsSuccessor() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String stttt = "70-STTTT-" + run;
        String skhcn = "70-SKHCN-" + run;
        unit(stttt, "Sở Thông tin và Truyền thông tỉnh Bình Phước", "PROVINCE", "AGENCY", "TW", "70");
        unit(skhcn, "Sở Khoa học và Công nghệ tỉnh Bình Phước", "PROVINCE", "AGENCY", "TW", "70");
        awaitUnitsKnown(stttt, skhcn);
        api.ok(api.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                %s,Lý Văn Khoa,Chánh Văn phòng Sở,khoa.skhcn@binhphuoc.gov.vn
                """.formatted(skhcn)));
        at(2025, 3, 1, 9, 0);
        String report = reportDue(lateReport(run, stttt));
        awaitReminders(report, 4);

        at(2025, 3, 21, 9, 0);
        KAFKA.publish(EventCatalog.UNIT_RETIRED, "70", new UnitRetired(stttt, "Sở Thông tin và Truyền thông tỉnh Bình Phước", "70",
                List.of("TW", "70"), LocalDate.of(2025, 3, 21), skhcn, "Sở Khoa học và Công nghệ tỉnh Bình Phước"));
        awaitConsumed(Topics.UNIT_EVENTS);

        Map<String, Map<LocalDate, String>> byRecipient = dispatchDaily(LocalDate.of(2025, 3, 13), LocalDate.of(2025, 3, 26));
        assertThat(byRecipient).containsOnlyKeys(LOC_NINH, "khoa.skhcn@binhphuoc.gov.vn");
        assertThat(byRecipient.get("khoa.skhcn@binhphuoc.gov.vn")).containsOnlyKeys(LocalDate.of(2025, 3, 25));
        assertThat(byRecipient.get("khoa.skhcn@binhphuoc.gov.vn").get(LocalDate.of(2025, 3, 25)))
                .contains("Đơn vị chưa thực hiện: UBND huyện Lộc Ninh", "Báo cáo kết quả Quý I năm 2025");
    }

    /**
     * Đồng Phú's plan asked Tân Lập (a commune moved up to the province, as districts were abolished) for a report due
     * Thursday 20/03/2025; on the Friday Đồng Phú is dissolved, nobody taking over. The escalation goes to the province it sat
     * under, and nothing to Đồng Phú's own contact.
     */
    @Test
    void anEscalationToADissolvedIssuerGoesToTheUnitItSatUnder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String dongPhu = "689-" + run;
        unit(dongPhu, "UBND huyện Đồng Phú", "DISTRICT", "GOVERNMENT", "TW", "70");
        awaitUnitsKnown(dongPhu);
        api.ok(api.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                %s,Phan Văn Phú,Trưởng Phòng Văn hóa và Thông tin,phu.dongphu@binhphuoc.gov.vn
                """.formatted(dongPhu)));
        at(2025, 3, 1, 9, 0);
        String report = reportDue(lateReport(run, dongPhu));
        awaitReminders(report, 4);

        at(2025, 3, 21, 9, 0);
        KAFKA.publish(EventCatalog.UNIT_RETIRED, "70", new UnitRetired(dongPhu, "UBND huyện Đồng Phú", "70", List.of("TW", "70"),
                LocalDate.of(2025, 3, 21), null, null));
        awaitConsumed(Topics.UNIT_EVENTS);

        Map<String, Map<LocalDate, String>> byRecipient = dispatchDaily(LocalDate.of(2025, 3, 13), LocalDate.of(2025, 3, 26));
        assertThat(byRecipient).containsOnlyKeys(LOC_NINH, PROVINCE);
        assertThat(byRecipient.get(PROVINCE).get(LocalDate.of(2025, 3, 25))).contains("Đơn vị chưa thực hiện: UBND huyện Lộc Ninh");
    }

    /** Lộc Ninh's first-quarter report, owed to {@code issuer}, due Thursday 20/03/2025. */
    private static ReportObligationFacts lateReport(String run, String issuer) {
        return new ReportObligationFacts("report-" + run + "-691", "plan-" + run, "12/KH-" + run,
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", "691", "UBND huyện Lộc Ninh", "70", issuer, null, "QUARTER",
                "Quý I năm 2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 14), LocalDate.of(2025, 3, 20));
    }

    /** Answers the deadline id of the occurrence. */
    private static String assign(String run, String unit, ScheduledOccurrence occurrence) {
        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "plan-" + run, assignment(run, unit, occurrence));
        return Deadlines.idOf(DeadlineKind.TASK, occurrence.occurrenceId());
    }

    private static TaskAssigned assignment(String run, String unit, ScheduledOccurrence occurrence) {
        return new TaskAssigned("task-" + run, "plan-" + run, "plan-" + run, "35/KH-UBND", unit, THANH_BINH, "70", "LEAD", "a", ACTIVITY,
                "Mỗi quý 01 tin bài", 1, "QUARTER", "hàng quý", "QUARTERLY", List.of(occurrence.dueDate()), 0, "Kế hoạch huyện Hớn Quản",
                List.of(occurrence));
    }

    /** Sends the unit's retirement again, and only it (its registration would un-retire it): a redelivery as the broker could make it. */
    private static void redeliverRetirementOf(String unitCode) {
        List<ConsumerRecord<String, byte[]>> retirement = KAFKA.readAll(Topics.UNIT_EVENTS).stream().filter(r -> {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            return value.contains(EventCatalog.UNIT_RETIRED.name()) && value.contains(unitCode);
        }).limit(1).toList();
        assertThat(retirement).isNotEmpty();
        KAFKA.replay(Topics.UNIT_EVENTS, retirement);
        awaitConsumed(Topics.UNIT_EVENTS);
    }

    private static void awaitConsumed(String topic) {
        await().atMost(Duration.ofSeconds(30)).until(() -> KAFKA.lag("notification-service", topic) == 0);
    }

    private static List<String> emails(JsonNode contacts) {
        return StreamSupport.stream(contacts.get("people").spliterator(), false).map(p -> p.get("email").asString()).toList();
    }
}
