package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.notification.contact.ContactDirectory;
import vn.gov.par.notification.calendar.WorkingCalendars;
import vn.gov.par.notification.mail.MailGateway;
import vn.gov.par.notification.maillog.MailLog;
import vn.gov.par.support.PlatformProperties;
import vn.gov.par.support.directory.PlanSupervision;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.testsupport.EmbeddedInfrastructure;

/**
 * One digest per recipient and day: all of a recipient's due reminders, of every kind, in one email, however many
 * there are (a pass counts recipients, three in these tests); after an outage, one entry per deadline with every
 * stage it stands for logged as sent; overdue reminders every three days; two instances; SMTP down for days.
 */
class DigestDispatchTest extends ReminderIntegrationTest {

    @Autowired
    PlatformProperties platform;

    @Autowired
    ReminderPolicies policies;

    @Autowired
    MailGateway mail;

    @Autowired
    OutboxMessageFactory messages;

    @Autowired
    ReminderMetrics metrics;

    @Test
    void aRecipientGetsAllOfTheDaysRemindersOfEveryKindInOneEmailWhateverTheBatchSize() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate due = LocalDate.of(2025, 8, 15);
        at(2025, 8, 1, 9, 0);
        List<String> forThu = List.of(oblige(run, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", due),
                oblige(run + "b", "694-PNV", "Phòng Nội vụ huyện Hớn Quản", due),
                reportDue(run, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", due),
                assignTwoOccurrences(run, "694-PNV", due).get(0), Deadlines.idOf(DeadlineKind.TASK, run + "-dot-2"));
        oblige(run, "694", "UBND huyện Hớn Quản", due);
        oblige(run, "691", "UBND huyện Lộc Ninh", due);
        forThu.forEach(deadline -> awaitReminders(deadline, 4));

        at(2025, 8, 8, 7, 31);
        purgeMailboxes();
        assertThat(dispatcher.dispatch()).as("a pass writes to three recipients").isEqualTo(3);
        assertThat(dispatcher.dispatch()).as("the fourth is written to by the next pass").isEqualTo(1);
        assertThat(dispatcher.dispatch()).isZero();

        Map<String, MimeMessage> mails = received();
        assertThat(mails).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn", "thu.pnv@binhphuoc.gov.vn",
                "ubnd.locninh@binhphuoc.gov.vn");
        String digest = text(mails.get("thu.pnv@binhphuoc.gov.vn"));
        assertThat(digest.split("Hạn chót: ", -1)).as("five deadlines in one email").hasSize(6);
        assertThat(digest).contains("Ban hành kế hoạch", "Báo cáo kết quả 6 tháng đầu năm 2025", "(Tháng 8/2025, đợt 1)",
                "(Tháng 8/2025, đợt 2)");
        assertThat(mails.get("thu.pnv@binhphuoc.gov.vn").getSubject()).contains("5 việc cần chú ý");
    }

    @Test
    void afterAnOutageTheDigestShowsEachDeadlineAtItsMostUrgentStageAndLogsEveryStageItCoversAsSent() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 9, 1, 9, 0);
        String deadline = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 9, 17));
        awaitReminders(deadline, 5);

        at(2025, 9, 17, 7, 31);
        MimeMessage mail = dispatchAndCollect().get("ubnd.locninh@binhphuoc.gov.vn");
        assertThat(text(mail)).contains("Hạn chót là hôm nay").doesNotContain("Còn 7 ngày", "Còn 1 ngày");
        assertThat(mail.getSubject()).contains("1 việc cần chú ý");

        JsonNode log = api.ok(api.get("/api/mail-log?planId=plan-" + run));
        assertThat(log.get("content")).extracting(e -> e.get("offsetDays").asInt()).containsExactlyInAnyOrder(-7, -1, 0);
        assertThat(log.get("content")).extracting(e -> e.get("outcome").asString(), e -> e.get("detail").asString())
                .containsOnly(tuple("SENT", mail.getSubject()));
        at(2025, 9, 18, 7, 31);
        assertThat(dispatchAndCollect()).as("no stage goes out again later").isEmpty();
    }

    /** Due Tuesday 03/06/2025: "every 3 days overdue" counts working days, so the weekend of 07–08/06 is not counted. */
    @Test
    void overdueRemindersComeEveryThreeWorkingDaysAndNothingOnTheDaysBetween() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 6, 1, 9, 0);
        String deadline = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 6, 3));
        awaitReminders(deadline, 4);

        Map<LocalDate, String> mailedToTheUnit = new TreeMap<>();
        Map<LocalDate, String> escalated = new TreeMap<>();
        for (LocalDate day = LocalDate.of(2025, 6, 2); !day.isAfter(LocalDate.of(2025, 6, 12)); day = day.plusDays(1)) {
            at(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), 7, 31);
            Map<String, MimeMessage> mails = dispatchAndCollect();
            if (mails.containsKey("ubnd.locninh@binhphuoc.gov.vn")) {
                mailedToTheUnit.put(day, situation(text(mails.get("ubnd.locninh@binhphuoc.gov.vn"))));
            }
            if (mails.containsKey("tinh@binhphuoc.gov.vn")) {
                escalated.put(day, situation(text(mails.get("tinh@binhphuoc.gov.vn"))));
            }
        }

        assertThat(mailedToTheUnit).containsExactly(Map.entry(LocalDate.of(2025, 6, 2), "Còn 1 ngày"),
                Map.entry(LocalDate.of(2025, 6, 3), "Hạn chót là hôm nay"), Map.entry(LocalDate.of(2025, 6, 6), "Đã quá hạn 3 ngày"),
                Map.entry(LocalDate.of(2025, 6, 11), "Đã quá hạn 8 ngày"));
        assertThat(escalated).containsExactly(Map.entry(LocalDate.of(2025, 6, 6), "Đã quá hạn 3 ngày"));
    }

    @Test
    void twoInstancesOnTheirOwnConnectionsSendEachReminderOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate due = LocalDate.of(2025, 10, 27);
        at(2025, 10, 10, 9, 0);
        List<String> deadlines = List.of(oblige(run, "694", "UBND huyện Hớn Quản", due), oblige(run, "691", "UBND huyện Lộc Ninh", due),
                reportDue(run, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", due), reportDue(run, "691", "UBND huyện Lộc Ninh", due));
        deadlines.forEach(deadline -> awaitReminders(deadline, 5));
        at(2025, 10, 20, 7, 31);
        purgeMailboxes();

        try (MongoClient connection = MongoClients.create(EmbeddedInfrastructure.get().mongoUri())) {
            ReminderDispatcher other = anotherInstance(new MongoTemplate(connection, mongo.getDb().getName()));
            for (int pass = 0; pass < 3; pass++) {
                CompletableFuture<Integer> first = CompletableFuture.supplyAsync(dispatcher::dispatch);
                CompletableFuture<Integer> second = CompletableFuture.supplyAsync(other::dispatch);
                CompletableFuture.allOf(first, second).get();
            }
        }

        Map<String, MimeMessage> mails = received();
        assertThat(mails).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn", "thu.pnv@binhphuoc.gov.vn",
                "ubnd.locninh@binhphuoc.gov.vn");
        assertThat(mails.get("ubnd.locninh@binhphuoc.gov.vn").getSubject()).as("its two deadlines in one email").contains("2 việc");
        assertThat(logged("plan-" + run, "SENT", null)).as("one per reminder and recipient").isEqualTo(5);
    }

    @Test
    void smtpDownAcrossSeveralStagesThenBackAccountsForEveryStageExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 11, 1, 9, 0);
        String deadline = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 11, 17));
        awaitReminders(deadline, 5);

        smtp.stop();
        try {
            for (int[] day : new int[][] {{11, 10}, {11, 14}, {11, 17}}) {
                at(2025, day[0], day[1], 7, 31);
                assertThat(dispatcher.dispatch()).isZero();
            }
            assertThat(logged("plan-" + run, "SENT", null)).isZero();
            assertThat(logged("plan-" + run, "DEFERRED", null)).isPositive();
        } finally {
            smtp = started();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clock.advance(Duration.ofMinutes(6));
            dispatcher.dispatch();
            return smtp.getReceivedMessages().length >= 2;
        });
        dispatcher.dispatch();

        Map<String, MimeMessage> mails = received();
        assertThat(mails).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");
        assertThat(text(mails.get("hoa.hq@binhphuoc.gov.vn"))).contains("Hạn chót là hôm nay");
        for (String recipient : List.of("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn")) {
            assertThat(logged("plan-" + run, "SENT", recipient)).as("-7, -1 and the day itself, once each").isEqualTo(3);
        }
        at(2025, 11, 20, 7, 31);
        assertThat(dispatchAndCollect()).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn", "tinh@binhphuoc.gov.vn");
        assertThat(logged("plan-" + run, "SENT", "hoa.hq@binhphuoc.gov.vn")).isEqualTo(4);
    }

    /** The same service as another process would run it: its own connection to the same database. */
    private ReminderDispatcher anotherInstance(MongoTemplate connection) {
        AggregateStore<Reminder> reminders = new AggregateStore<>(connection, Reminder.class, "reminders", Reminder::id);
        AggregateStore<Deadline> deadlineStore = new AggregateStore<>(connection, Deadline.class, "deadlines", Deadline::id);
        UnitDirectoryView units = new UnitDirectoryView(connection);
        WorkingCalendars calendars = new WorkingCalendars(new AggregateStore<>(connection, WorkingCalendars.DecidedDays.class, "working_calendar",
                WorkingCalendars.DecidedDays::id), messages, platform, clock);
        Supervisors supervisors = new Supervisors(new PlanSupervision(connection, units), units);
        Deadlines deadlines = new Deadlines(deadlineStore, reminders, units, calendars, policies, metrics, supervisors, clock);
        ContactDirectory contacts = new ContactDirectory(connection, units, clock);
        return new ReminderDispatcher(reminders, new AggregateStore<>(connection, Delivery.class, "deliveries", Delivery::id), deadlines,
                contacts, new RecipientClaims(connection), mail, new MailLog(connection), messages, metrics,
                new Addressees(contacts, supervisors), new DailyDigests(connection), calendars, policies, clock,
                Duration.ofMinutes(10), Duration.ofMinutes(5), 3);
    }

    /** Answers the two occurrences' deadline ids. */
    private static List<String> assignTwoOccurrences(String run, String unit, LocalDate due) {
        List<ScheduledOccurrence> occurrences = List.of(new ScheduledOccurrence(run + "-dot-1", "Tháng 8/2025, đợt 1", due),
                new ScheduledOccurrence(run + "-dot-2", "Tháng 8/2025, đợt 2", due));
        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "plan-" + run, new TaskAssigned("task-" + run, "plan-" + run, "plan-" + run, "96/KH-UBND",
                unit, "Phòng Nội vụ huyện Hớn Quản", "70", "LEAD", "b", "Tổ chức tọa đàm về cải cách hành chính", null, null, null,
                "hai đợt trong tháng 8", "ONCE", Arrays.asList(due, due), 1, "Thông tin, tuyên truyền cải cách hành chính năm 2025", occurrences));
        return occurrences.stream().map(o -> Deadlines.idOf(DeadlineKind.TASK, o.occurrenceId())).toList();
    }

    private static String situation(String text) {
        return text.lines().filter(line -> line.contains("Hạn chót: ")).findFirst().orElseThrow().replaceAll(".* – ", "");
    }
}
