package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;

/**
 * Who is told, and when, as a province's plan meets the law and its chain of command, day by day on a moved clock: a
 * plan whose reports go "qua Sở Nội vụ" has its late work escalated to Sở Nội vụ, except Sở Nội vụ's own, which goes to
 * the province; three working days after a Thursday deadline is the Tuesday; a unit named only as cooperating is told
 * once, before; a deadline inside Tết runs to the first working day after it.
 */
class ChainOfCommandTest extends ReminderIntegrationTest {

    private static final String SO_NOI_VU = "70-SNV";
    private static final String SO_NOI_VU_NAME = "Sở Nội vụ tỉnh Bình Phước";
    private static final String SNV_PERSON = "ngo.snv@binhphuoc.gov.vn";
    private static final String SNV_MAILBOX = "sonoivu@binhphuoc.gov.vn";
    private static final String LOC_NINH = "ubnd.locninh@binhphuoc.gov.vn";
    private static final String PROVINCE = "tinh@binhphuoc.gov.vn";
    private static final String ACTIVITY = "Tổ chức hội nghị tuyên truyền cải cách hành chính";

    @BeforeEach
    void soNoiVuWithAPersonAndAMailbox() {
        unit(SO_NOI_VU, SO_NOI_VU_NAME, "PROVINCE", "AGENCY", "TW", "70");
        awaitUnitsKnown(SO_NOI_VU);
        api.ok(api.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                70-SNV,Ngô Văn Sở,Chuyên viên Phòng Cải cách hành chính,ngo.snv@binhphuoc.gov.vn
                70-SNV,,,sonoivu@binhphuoc.gov.vn
                """));
    }

    /**
     * Due Thursday 20/03/2025, "escalate after 3 days overdue": Friday 21/03 is 1, Monday 24/03 is 2, Tuesday 25/03 is 3.
     * Lộc Ninh's report and task are escalated to Sở Nội vụ (the plan's "qua ..." office), Sở Nội vụ's own report to the
     * province; Hớn Quản, only cooperating on the task, hears once, with the earliest reminder (10 days before, as the tests' task
     * policy asks), and is never escalated.
     */
    @Test
    void lateWorkIsEscalatedOnceToThePlansOfficeOnTheThirdWorkingDayAndNeverToTheUnitItself() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate thursday = LocalDate.of(2025, 3, 20);
        at(2025, 3, 1, 9, 0);
        List<String> deadlines = List.of(reportDue(quarterlyReport(run, "691", "UBND huyện Lộc Ninh", thursday)),
                reportDue(quarterlyReport(run, SO_NOI_VU, SO_NOI_VU_NAME, thursday)),
                task(run, "691", "UBND huyện Lộc Ninh", "LEAD", thursday), task(run, "694", "UBND huyện Hớn Quản", "COOPERATING", thursday));
        for (String deadline : deadlines) {
            awaitReminders(deadline, 1);
        }

        Map<String, Map<LocalDate, String>> byRecipient = dispatchDaily(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 27));

        assertThat(byRecipient.get(PROVINCE)).as("the province hears only of Sở Nội vụ's own report, on the third working day")
                .containsOnlyKeys(LocalDate.of(2025, 3, 25));
        assertThat(byRecipient.get(PROVINCE).get(LocalDate.of(2025, 3, 25))).contains("Đơn vị chưa thực hiện: " + SO_NOI_VU_NAME)
                .as("leading to the late unit's page in the console").contains("/units/" + SO_NOI_VU)
                .doesNotContain("UBND huyện Lộc Ninh", "UBND huyện Hớn Quản");

        String toTheOffice = byRecipient.get(SNV_MAILBOX).get(LocalDate.of(2025, 3, 25));
        assertThat(byRecipient.get(SNV_MAILBOX)).as("the office's mailbox is written to with escalations only")
                .containsOnlyKeys(LocalDate.of(2025, 3, 25));
        assertThat(toTheOffice).contains("Đơn vị chưa thực hiện: UBND huyện Lộc Ninh", "Báo cáo kết quả Quý I năm 2025", ACTIVITY)
                .as("the office is not above the district: led to the item, not to a page of the district it cannot open")
                .doesNotContain("/units/691")
                .doesNotContain("Đơn vị chưa thực hiện: " + SO_NOI_VU_NAME, "UBND huyện Hớn Quản");

        assertThat(byRecipient.get(SNV_PERSON)).as("its own report day to day, and the escalation with its own overdue report")
                .containsOnlyKeys(LocalDate.of(2025, 3, 13), LocalDate.of(2025, 3, 19), LocalDate.of(2025, 3, 20), LocalDate.of(2025, 3, 25));
        assertThat(byRecipient.get(SNV_PERSON).get(LocalDate.of(2025, 3, 25))).contains("Đã quá hạn 5 ngày", "Đơn vị chưa thực hiện: UBND huyện Lộc Ninh");

        assertThat(byRecipient.get(LOC_NINH)).as("the lead: 10 (its task), 7 and 1 days before, on the day, and when late")
                .containsOnlyKeys(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 13), LocalDate.of(2025, 3, 19), LocalDate.of(2025, 3, 20), LocalDate.of(2025, 3, 25));

        for (String cooperating : List.of("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn")) {
            assertThat(byRecipient.get(cooperating)).as("a cooperating unit is told once, with the earliest reminder")
                    .containsOnlyKeys(LocalDate.of(2025, 3, 10));
            assertThat(byRecipient.get(cooperating).get(LocalDate.of(2025, 3, 10)))
                    .contains("Đơn vị phối hợp (để biết, đơn vị chủ trì chịu trách nhiệm): UBND huyện Hớn Quản", "Còn 10 ngày");
        }
    }

    /**
     * Written as due Friday 31/01/2025, inside Tết (25/01–02/02, with 27/01 given off and Saturday 08/02 worked in
     * exchange): it runs to Monday 03/02. Its reminders before go out on Friday 24/01, the last working day before Tết;
     * it is late from Tuesday 04/02, chased on the third working day after (Thursday 06/02) and every third after that,
     * Saturday 08/02 counting as one (Monday 10/02).
     */
    @Test
    void aDeadlineInsideTetRunsToTheFirstWorkingDayAfterIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 1, 10, 9, 0);
        String deadline = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 1, 31));
        awaitReminders(deadline, 4);

        Map<String, Map<LocalDate, String>> byRecipient = dispatchDaily(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 11));

        assertThat(byRecipient.get(LOC_NINH)).containsOnlyKeys(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 6),
                LocalDate.of(2025, 2, 10));
        assertThat(byRecipient.get(LOC_NINH).get(LocalDate.of(2025, 1, 24))).contains("Còn 10 ngày",
                "Hạn chót: 03/02/2025 (văn bản ghi 31/01/2025, ngày nghỉ)");
        assertThat(byRecipient.get(LOC_NINH).get(LocalDate.of(2025, 2, 3))).contains("Hạn chót là hôm nay");
        assertThat(byRecipient.get(LOC_NINH).get(LocalDate.of(2025, 2, 6))).contains("Đã quá hạn 3 ngày");
        assertThat(byRecipient.get(PROVINCE)).as("escalated on the third working day late, not on the first after Tết")
                .containsOnlyKeys(LocalDate.of(2025, 2, 6));
    }

    /** A quarterly report owed to the province "qua Sở Nội vụ", as the real plan's reporting clause writes it. */
    private static ReportObligationFacts quarterlyReport(String run, String unit, String unitName, LocalDate due) {
        return new ReportObligationFacts("report-" + run + "-" + unit, "plan-" + run, "96/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", unit, unitName, "70", "70", "Sở Nội vụ", "QUARTER",
                "Quý I năm 2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 14), due);
    }

    /** Answers the deadline id of the task's one occurrence. */
    private static String task(String run, String unit, String unitName, String role, LocalDate due) {
        ScheduledOccurrence occurrence = new ScheduledOccurrence(run + "-" + unit + "-q1", "Quý I/2025", due);
        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "plan-" + run, new TaskAssigned("task-" + run + "-" + unit, "plan-" + run, "plan-" + run,
                "96/KH-UBND", unit, unitName, "70", role, "c", ACTIVITY, "01 hội nghị", 1, "QUARTER", "quý I", "ONCE", List.of(due), 0,
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", List.of(occurrence)));
        return Deadlines.idOf(DeadlineKind.TASK, occurrence.occurrenceId());
    }
}
