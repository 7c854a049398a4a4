package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.SubPlanObligationFulfilled;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.MetricsScrape;
import vn.gov.par.testsupport.ServiceHealth;

/**
 * Deadlines announced by the other services' events become reminder emails on a real SMTP server
 * (GreenMail) at 07:30 on working days, with the clock moved instead of waited for: the stages, the
 * escalation, cancellation by fulfilment, redelivery, concurrent dispatchers, an SMTP outage, a bad
 * address and a crash between sending and recording.
 */
class RemindersEndToEndTest extends ReminderIntegrationTest {

    @Test
    void aSubPlanObligationGetsEveryStageAtHalfPastSevenOnWorkingDaysAndFulfilmentCancelsTheRest() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        MetricsScrape before = MetricsScrape.of(api);
        at(2025, 3, 1, 10, 0);
        String honQuan = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 3, 31));
        String locNinh = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 3, 31));
        awaitReminders(honQuan, 5);
        awaitReminders(locNinh, 5);

        at(2025, 3, 24, 7, 29);
        assertThat(dispatchAndCollect()).as("not before half past seven").isEmpty();
        at(2025, 3, 24, 7, 31);
        Map<String, MimeMessage> sevenDays = dispatchAndCollect();
        assertThat(sevenDays).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn", "ubnd.locninh@binhphuoc.gov.vn");
        assertThat(text(sevenDays.get("hoa.hq@binhphuoc.gov.vn"))).contains("31/03/2025", "96/KH-UBND", "Còn 7 ngày");

        redeliver(Topics.PLAN_EVENTS, run);
        assertThat(dispatchAndCollect()).as("redelivered events send nothing again").isEmpty();

        KAFKA.publish(EventCatalog.SUB_PLAN_OBLIGATION_FULFILLED, "plan-" + run, new SubPlanObligationFulfilled("obligation-" + run + "-694", "plan-" + run, "694",
                "70", "sub-" + run, "35/KH-UBND", LocalDate.of(2025, 3, 26), LocalDate.of(2025, 3, 31), true));
        awaitNoPending(honQuan);
        redeliver(Topics.PLAN_EVENTS, run);
        assertThat(pending(honQuan)).as("a redelivered obligation and its fulfilment leave it fulfilled").isZero();
        assertThat(added(before, "par_deadlines_fulfilled_total", "kind", "SUBPLAN", "reminded", "true", "before_deadline", "true"))
                .as("Hớn Quản, reminded 7 days before, issued on time: counted once, redelivered or not").isEqualTo(1);

        at(2025, 3, 28, 7, 31);
        assertThat(dispatchAndCollect()).as("30/03 is a Sunday: the 1-day reminder goes out on Friday, to Lộc Ninh only")
                .containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn");
        at(2025, 3, 31, 7, 31);
        assertThat(text(dispatchAndCollect().get("ubnd.locninh@binhphuoc.gov.vn"))).contains("Hạn chót là hôm nay");
        at(2025, 4, 3, 7, 31);
        Map<String, MimeMessage> overdue = dispatchAndCollect();
        assertThat(overdue).containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn", "tinh@binhphuoc.gov.vn");
        assertThat(text(overdue.get("ubnd.locninh@binhphuoc.gov.vn"))).contains("Đã quá hạn 3 ngày");
        assertThat(text(overdue.get("tinh@binhphuoc.gov.vn"))).as("escalated to the supervising province").contains("UBND huyện Lộc Ninh");

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        String events = String.join("\n", KAFKA.readAll(Topics.NOTIFICATION_EVENTS).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).filter(json -> json.contains(locNinh)).toList());
        assertThat(events).contains(EventCatalog.REMINDER_SENT.name(), EventCatalog.ESCALATION_SENT.name());
        assertThat(api.ok(api.get("/api/mail-log?recipient=ubnd.locninh@binhphuoc.gov.vn&planId=plan-" + run + "&size=100")).get("totalElements").asInt())
                .as("-7, -1, on the day, +3").isEqualTo(4);
        assertThat(added(before, "par_escalations_sent_total", "kind", "SUBPLAN")).isEqualTo(1);
        assertThat(added(before, "par_reminders_mailed_total", "stage", "BEFORE", "outcome", "SENT")).as("-7 to three, -1 to one").isEqualTo(4);
    }

    @Test
    void aCancelledPlanAsksNothingMoreOfAnyone() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2026, 1, 5, 9, 0);
        String deadline = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2026, 1, 30));
        awaitReminders(deadline, 5);

        KAFKA.publish(EventCatalog.PLAN_CANCELLED, "plan-" + run, new PlanCancelled("plan-" + run, "70", "70", LocalDate.of(2026, 1, 6),
                "Thay thế bằng kế hoạch mới"));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(deadline) == 0);

        at(2026, 1, 23, 7, 31);
        assertThat(dispatchAndCollect()).isEmpty();
    }

    @Test
    void oneDigestPerRecipientListsEveryDeadlineOfTheDayMostUrgentFirstWithACalendarPart() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 6, 10, 9, 0);
        String subPlan = oblige(run, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", LocalDate.of(2025, 6, 17));
        String report = reportDue(run, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", LocalDate.of(2025, 6, 20));
        awaitReminders(subPlan, 4);
        awaitReminders(report, 5);

        at(2025, 6, 16, 7, 31);
        Map<String, MimeMessage> mails = dispatchAndCollect();

        assertThat(mails).containsOnlyKeys("thu.pnv@binhphuoc.gov.vn");
        String body = text(mails.get("thu.pnv@binhphuoc.gov.vn"));
        assertThat(body).contains("Ban hành kế hoạch", "Báo cáo kết quả 6 tháng đầu năm 2025");
        assertThat(body.indexOf("17/06/2025")).as("the sub-plan due tomorrow comes before the report due in 4 days")
                .isLessThan(body.indexOf("20/06/2025"));
        Calendar ics = calendarOf(mails.get("thu.pnv@binhphuoc.gov.vn"));
        assertThat(ics.getComponents(VEvent.VEVENT)).hasSize(2);
        assertThat(ics.toString()).contains("Hạn chót");
    }

    @Test
    void twoDispatchersAtOnceSendEachReminderOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 9, 1, 9, 0);
        String deadline = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 9, 15));
        awaitReminders(deadline, 5);
        at(2025, 9, 8, 7, 31);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(dispatcher::dispatch);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(dispatcher::dispatch);
        first.get();
        second.get();

        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(RemindersEndToEndTest::recipient))
                .containsExactlyInAnyOrder("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");
    }

    @Test
    void whileSmtpIsDownNothingIsLostAndEachReminderArrivesOnceItIsBack() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 10, 1, 9, 0);
        String deadline = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 10, 15));
        awaitReminders(deadline, 5);
        at(2025, 10, 8, 7, 31);
        MetricsScrape before = MetricsScrape.of(api);
        smtp.stop();
        try {
            assertThat(dispatcher.dispatch()).isZero();
            assertThat(api.ok(api.get("/api/mail-log?outcome=DEFERRED&planId=plan-" + run)).get("totalElements").asInt()).isPositive();
            assertThat(added(before, "par_reminders_mailed_total", "outcome", "DEFERRED")).isPositive();
            assertThat(added(before, "resilience4j_circuitbreaker_calls_seconds_count", "name", "smtp", "kind", "failed")
                    + added(before, "resilience4j_circuitbreaker_not_permitted_calls_total", "name", "smtp"))
                    .as("the SMTP breaker saw the outage").isPositive();
            assertThat(MetricsScrape.of(api).has("resilience4j_circuitbreaker_state", "name", "smtp", "state", "open")).isTrue();
        } finally {
            smtp = started();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clock.advance(Duration.ofMinutes(6));
            dispatcher.dispatch();
            return smtp.getReceivedMessages().length >= 2;
        });
        dispatcher.dispatch();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(RemindersEndToEndTest::recipient))
                .containsExactlyInAnyOrder("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");
    }

    @Test
    void aBadAddressFailsForGoodWithoutHoldingUpTheOthers() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        mongo.getCollection("contacts").updateOne(new Document("_id", "697"), new Document("$set", new Document("people",
                List.of(new Document("name", "Địa chỉ sai").append("email", "khong hop le@@binhphuoc")))),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        at(2025, 11, 3, 9, 0);
        String bad = oblige(run, "697", "UBND huyện Bù Đăng", LocalDate.of(2025, 11, 14));
        String good = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 11, 14));
        awaitReminders(bad, 5);
        awaitReminders(good, 5);

        at(2025, 11, 7, 7, 31);
        assertThat(dispatchAndCollect()).containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn");

        JsonNode failed = api.ok(api.get("/api/mail-log?outcome=FAILED&unitCode=697&planId=plan-" + run));
        assertThat(failed.get("totalElements").asInt()).as(api.ok(api.get("/api/mail-log?unitCode=697")).toString()).isEqualTo(1);
        assertThat(dispatchAndCollect()).as("a failed address is not retried").isEmpty();
        mongo.getCollection("contacts").deleteOne(new Document("_id", "697"));
    }

    @Test
    void aCrashBetweenSendingAndRecordingResendsOnceAndCountsIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 12, 1, 9, 0);
        String deadline = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 12, 15));
        awaitReminders(deadline, 5);
        at(2025, 12, 8, 7, 31);
        deadlines.bringDue(clock.instant()); // a dispatcher wrote the reminder that fell due, recorded its delivery, sent it and died
        Document sevenDays = mongo.findOne(Query.query(Criteria.where("deadlineId").is(deadline).and("offsetDays").is(-7)), Document.class,
                "reminders");
        mongo.getCollection("deliveries").insertOne(new Document("_id", vn.gov.par.support.domain.DerivedId.of(sevenDays.get("_id"),
                "ubnd.locninh@binhphuoc.gov.vn")).append("reminderId", sevenDays.get("_id")).append("deadlineId", deadline)
                .append("recipientEmail", "ubnd.locninh@binhphuoc.gov.vn").append("state", "SENDING")
                .append("leaseUntil", java.util.Date.from(clock.instant().minusSeconds(60))).append("resentAfterCrash", false)
                .append("_revision", 0L).append("outbox", List.of()));

        assertThat(dispatchAndCollect()).containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn");

        assertThat(api.ok(api.get("/api/mail-log?outcome=RESENT&planId=plan-" + run)).get("totalElements").asInt()).isEqualTo(1);
        assertThat(api.text("/actuator/prometheus")).contains("outcome=\"RESENT\"");
        assertThat(dispatchAndCollect()).isEmpty();
    }

    @Test
    void contactsAreValidatedWholeAndUnitsWithoutAnyAreListed() {
        HttpJson.Response refused = api.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                694,Người Tốt,Chuyên viên,tot@binhphuoc.gov.vn
                KHONG-CO,Người Lạ,,la@binhphuoc.gov.vn
                691,Người Thiếu Thư,,khong-phai-email
                """);
        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.body().get("errors")).hasSize(2);
        assertThat(api.ok(api.get("/api/contacts/694")).get("people")).extracting(p -> p.get("email").asString())
                .doesNotContain("tot@binhphuoc.gov.vn");
        assertThat(api.ok(api.get("/api/contacts/unreachable"))).extracting(u -> u.get("code").asString()).contains("697")
                .doesNotContain("694", "691");
        ServiceHealth.assertHealthyAndScrapable(api, "notification-service");
    }
}
