package vn.gov.par.task.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.par.support.timeframe.Occurrence;
import vn.gov.par.support.timeframe.ScheduleKind;

/**
 * A task remembers which occurrences a new schedule may leave behind until they are brought in line, and owes only what falls
 * due while its unit holds the work: not after the unit's retirement, nor, for work taken over, before it.
 */
class TaskScheduleTest {

    private static final LocalDate MARCH = LocalDate.of(2025, 3, 14);
    private static final LocalDate JUNE = LocalDate.of(2025, 6, 14);
    private static final LocalDate DECEMBER = LocalDate.of(2025, 12, 31);

    @Test
    void schedulesReplacedTwiceBeforeTheOccurrencesFollowedLeaveBothFormerDatesToRemove() {
        Task quarterly = task(List.of(due(MARCH), due(JUNE)));

        Task yearly = quarterly.withSchedule(ScheduleKind.ONGOING, true, List.of(due(DECEMBER)));
        Task again = yearly.withSchedule(ScheduleKind.ONGOING, true, List.of(due(JUNE)));

        assertThat(yearly.supersededDueDates()).containsExactly(MARCH, JUNE);
        assertThat(again.supersededDueDates()).as("June is asked again, December no longer").containsExactly(MARCH, DECEMBER);
        assertThat(again.withOccurrencesInLine().supersededDueDates()).isEmpty();
    }

    @Test
    void onDemandWorksOneOccurrenceWithoutDateIsRemovedLikeAnyOther() {
        Task onDemand = task(List.of(new Occurrence("Đột xuất", null, null)));

        Task setByHand = onDemand.withSchedule(ScheduleKind.ONCE, true, List.of(due(JUNE)));

        assertThat(setByHand.supersededDueDates()).containsExactly((LocalDate) null);
    }

    @Test
    void aRetiredUnitsTaskKeepsWhatFellDueUntilItsRetirementAndOwesNothingAfterNorOnDemand() {
        Occurrence onDemand = new Occurrence("Đột xuất", null, null);
        Task task = task(List.of(due(MARCH), due(JUNE), due(DECEMBER), onDemand));

        Task ended = task.ofUnitRetiredOn(JUNE);

        assertThat(ended.schedule()).containsExactly(due(MARCH), due(JUNE));
        assertThat(ended.supersededDueDates()).as("to be removed, or released if worked on").containsExactly(DECEMBER, null);
        assertThat(ended.owed(List.of(due(MARCH), due(DECEMBER), onDemand))).as("report periods arriving later").containsExactly(due(MARCH));
        assertThat(ended.releasedByRetirement(DECEMBER)).isTrue();
        assertThat(ended.releasedByRetirement(null)).isTrue();
        assertThat(ended.releasedByRetirement(JUNE)).isFalse();
        assertThat(task.releasedByRetirement(DECEMBER)).as("while the unit is in service").isFalse();
    }

    @Test
    void workLeftAfterADayIsWorkDueAfterItOnDemandOrNotDatedYet() {
        assertThat(task(List.of(due(MARCH), due(JUNE))).leavesWorkAfter(JUNE)).isFalse();
        assertThat(task(List.of(due(MARCH), due(DECEMBER))).leavesWorkAfter(JUNE)).isTrue();
        assertThat(task(List.of(new Occurrence("Đột xuất", null, null))).leavesWorkAfter(JUNE)).isTrue();
        assertThat(task(List.of()).leavesWorkAfter(JUNE)).as("ongoing work waiting for the plan's report periods").isTrue();
    }

    private static Occurrence due(LocalDate date) {
        return new Occurrence("Hạn " + date, null, date);
    }

    private static Task task(List<Occurrence> schedule) {
        return new Task("task-1", "plan-1", "plan-1", "35/KH-UBND", "Kế hoạch huyện Hớn Quản", 2025, LocalDate.of(2025, 1, 10), "694", 0,
                "a", "Tuyên truyền trên Trang thông tin điện tử huyện", null, null, null, "694-PNV", "Phòng Nội vụ", "70", List.of("70", "694"),
                TaskRole.LEAD, "thường xuyên", ScheduleKind.ONGOING, true, schedule, false, List.of("plan-1"), List.of(), List.of(), null,
                null);
    }
}
