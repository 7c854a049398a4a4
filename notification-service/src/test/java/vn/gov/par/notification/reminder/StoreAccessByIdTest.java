package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.report.ReportDue;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.report.ReportReturned;
import vn.gov.par.contracts.report.ReportSubmitted;
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskDueSoon;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskReopened;
import vn.gov.par.testsupport.StoreCommands;
import vn.gov.par.testsupport.StoreCommands.Command;

/**
 * The country has some hundred thousand deadlines and several times as many reminders: handling the events of one
 * deadline, and sending each of a pass's reminders, must find deadlines, reminders and deliveries by id, and a plan's
 * end its deadlines through the (planId, open) index, or the work grows with the square of the country's deadlines.
 */
class StoreAccessByIdTest extends ReminderIntegrationTest {

    private static final Set<String> PER_DEADLINE = Set.of("deadlines", "reminders", "deliveries");

    @Autowired
    Deadlines deadlines;

    @Autowired
    StoreCommands store;

    @Test
    void openingReopeningClosingAndEndingThePlanOfDeadlinesFindThemAndTheirRemindersById() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 6, 2, 9, 0);
        ReportObligationFacts report = reportFacts(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 6, 30), "Phòng Văn hóa và Thông tin");
        TaskOccurrenceFacts occurrence = new TaskOccurrenceFacts(run + "-t6", "task-" + run, "plan-" + run, "96/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", "694", "UBND huyện Hớn Quản", "70", "LEAD",
                "Đăng tin bài trên cổng thông tin", "Tháng 6/2025", LocalDate.of(2025, 6, 27));
        String obligation = "obligation-" + run;
        List<String> ids = List.of(Deadlines.idOf(DeadlineKind.REPORT, report.obligationId()), Deadlines.idOf(DeadlineKind.TASK, occurrence.occurrenceId()),
                Deadlines.idOf(DeadlineKind.SUB_PLAN, obligation));

        List<Command> lifeOfTheDeadlines = store.during(() -> {
            deadlines.onReportDue(new ReportDue(report));
            deadlines.onReportDue(new ReportDue(report));
            deadlines.onReportSubmitted(new ReportSubmitted(report, 1, clock.instant(), true));
            deadlines.onReportReturned(new ReportReturned(report, 1, clock.instant(), "694", "Thiếu số liệu"));
            deadlines.onTaskAssigned(assigned(occurrence));
            deadlines.onTaskDueSoon(new TaskDueSoon(occurrence));
            deadlines.onTaskCompleted(new TaskCompleted(occurrence, LocalDate.of(2025, 6, 3), true, 1, List.of(), null));
            deadlines.onTaskReopened(new TaskReopened(occurrence, LocalDate.of(2025, 6, 4)));
            deadlines.onSubPlanObligationCreated(new SubPlanObligationCreated(obligation, "plan-" + run, "plan-" + run, "96/KH-UBND",
                    "Thông tin, tuyên truyền cải cách hành chính năm 2025", "70", "697", "UBND huyện Bù Đăng", "70", LocalDate.of(2025, 6, 20),
                    "draft-" + run, List.of("70"), null, null));
        });
        assertThat(ids).as("every deadline open, with reminders to come").allSatisfy(id -> assertThat(pending(id)).isPositive());

        List<Command> endOfThePlan = store.during(() -> deadlines.onPlanCancelled(new PlanCancelled("plan-" + run, "70", "70",
                LocalDate.of(2025, 6, 5), "Thay thế bằng kế hoạch khác")));
        assertThat(ids).as("the plan's end cancelled every reminder").allSatisfy(id -> assertThat(pending(id)).isZero());

        assertSelectedByIdOnly(lifeOfTheDeadlines);
        assertThat(endOfThePlan).filteredOn(c -> !c.byIdOnly()).as("the search for the plan's open deadlines")
                .singleElement().satisfies(search -> {
                    assertThat(search.collection()).isEqualTo("deadlines");
                    assertThat(search.filter().keySet()).as("the keys of the deadlines' (planId, open) index").containsExactly("planId", "open");
                });
        assertSelectedByIdOnly(endOfThePlan.stream().filter(Command::byIdOnly).toList());
    }

    @Test
    void aDispatchPassSearchesForWhatIsDueOnceAndFindsEverythingElseById() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 3, 1, 10, 0);
        String deadline = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 3, 31));
        awaitReminders(deadline, 5);
        at(2025, 4, 3, 7, 31);
        purgeMailboxes();

        List<Command> pass = store.during(dispatcher::dispatch);

        assertThat(received()).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn", "tinh@binhphuoc.gov.vn");
        assertThat(mongo.count(Query.query(Criteria.where("deadlineId").is(deadline).and("state").is("DONE")), "reminders"))
                .as("-7, -1, the day, +3 and the escalation sent").isEqualTo(5);
        assertThat(pending(deadline)).as("the next overdue reminder planned").isOne();
        assertThat(pass).filteredOn(c -> c.collection().equals("reminders") && !c.byIdOnly()).as("the search for what is due")
                .hasSize(1);
        assertSelectedByIdOnly(pass.stream().filter(c -> !c.collection().equals("reminders") || c.byIdOnly()).toList());
        assertThat(pass).extracting(Command::collection).contains("deliveries", "deadlines", "reminders");
    }

    /** A task due every month opens twelve deadlines at once: a national plan's tasks bring hundreds of thousands. */
    @Test
    void aTasksDeadlinesAndTheirRemindersAreReadAndWrittenTogetherNotOneByOne() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 1, 2, 9, 0);
        List<ScheduledOccurrence> months = IntStream.rangeClosed(1, 12).mapToObj(month -> new ScheduledOccurrence(run + "-m" + month,
                "Tháng " + month + "/2025", YearMonth.of(2025, month).atEndOfMonth())).toList();
        TaskAssigned monthly = new TaskAssigned("task-" + run, "plan-" + run, "plan-" + run, "96/KH-UBND",
                "694", "UBND huyện Hớn Quản", "70", "LEAD", "a", "Đăng tin bài trên cổng thông tin", "Mỗi tháng 01 tin bài", 1, "MONTH",
                "hàng tháng", "MONTHLY", months.stream().map(ScheduledOccurrence::dueDate).toList(), 0,
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", months);

        List<Command> opened = store.during(() -> deadlines.onTaskAssigned(monthly));

        assertThat(months).as("every month's deadline open, with reminders to come")
                .allSatisfy(o -> assertThat(pending(Deadlines.idOf(DeadlineKind.TASK, o.occurrenceId()))).isPositive());
        assertThat(opened).filteredOn(c -> PER_DEADLINE.contains(c.collection())).as("reads and writes of the twelve deadlines")
                .hasSizeLessThanOrEqualTo(4);
    }

    private static void assertSelectedByIdOnly(List<Command> commands) {
        List<Command> perDeadline = commands.stream().filter(c -> PER_DEADLINE.contains(c.collection())).toList();
        assertThat(perDeadline).as("what was asked of the store").isNotEmpty()
                .allSatisfy(c -> assertThat(c.byIdOnly()).as("%s on %s by %s", c.name(), c.collection(), c.filter()).isTrue());
        assertThat(perDeadline).extracting(Command::name).as("reads and updates both checked").contains("find", "update");
    }

    private static TaskAssigned assigned(TaskOccurrenceFacts o) {
        return new TaskAssigned(o.taskId(), o.planId(), o.planId(), o.planNumber(), o.unitCode(), o.unitName(), o.provinceCode(), "LEAD", "a",
                o.activityContent(), "Mỗi tháng 01 tin bài", 1, "MONTH", "hàng tháng", "MONTHLY", List.of(o.dueDate()), 0, o.planTitle(),
                List.of(new ScheduledOccurrence(o.occurrenceId(), o.label(), o.dueDate())));
    }
}
