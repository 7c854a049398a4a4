package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.par.notification.reminder.Audience.RESPONSIBLE;
import static vn.gov.par.notification.reminder.Audience.SUPERVISOR;
import static vn.gov.par.notification.reminder.Stage.BEFORE;
import static vn.gov.par.notification.reminder.Stage.ESCALATION;
import static vn.gov.par.notification.reminder.Stage.ON_DAY;
import static vn.gov.par.notification.reminder.Stage.OVERDUE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.par.support.calendar.Holiday;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.notification.reminder.ReminderPolicy.CooperatingUnits;
import vn.gov.par.notification.reminder.ReminderPolicy.LateDays;

/**
 * Expected send times are written in UTC: 07:30 in Vietnam (UTC+7, no daylight saving) is 00:30Z the same day. Days
 * overdue count working days unless a policy says calendar days.
 */
class ReminderPlannerTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ReminderPolicy DEFAULTS = ReminderPolicy.defaults();
    private static final ReminderPolicy CALENDAR_DAYS = new ReminderPolicy(List.of(7, 1), true, 3, 3, LateDays.CALENDAR,
            CooperatingUnits.INFORMED_BEFORE, LocalTime.of(7, 30));
    /** 2025 as the government laid it out: Monday 27/01 off before Tết, made up on Saturday 08/02. */
    private static final WorkingCalendar AS_ANNOUNCED_2025 = new WorkingCalendar(
            List.of(new Holiday(LocalDate.parse("2025-01-27"), "Nghỉ hoán đổi dịp Tết Nguyên đán")), List.of(LocalDate.parse("2025-02-08")));
    private static final Instant LONG_BEFORE = Instant.parse("2024-12-01T00:00:00Z");

    private final ReminderPlanner planner = new ReminderPlanner(new WorkingCalendar(List.of(), List.of()), VIETNAM);

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static PlannedReminder r(Stage stage, int offsetDays, Audience audience, String sendAt) {
        return new PlannedReminder(stage, offsetDays, audience, Instant.parse(sendAt));
    }

    @Test
    void aDeadlineOnAnOrdinaryWednesday() {
        // Wednesday 18/06/2025: -7 Wednesday 11/06, -1 Tuesday 17/06, on the day; the 3rd working day after it is Monday 23/06
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, LONG_BEFORE, false)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2025-06-11T00:30:00Z"),
                r(BEFORE, -1, RESPONSIBLE, "2025-06-17T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-06-18T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-23T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-23T00:30:00Z"));
    }

    @Test
    void aReminderDueOnASundayGoesOutOnFriday() {
        // Monday 23/06/2025: -1 is Sunday 22/06 -> Friday 20/06; +3 working days is Thursday 26/06
        assertThat(planner.initial(d("2025-06-23"), DEFAULTS, LONG_BEFORE, false)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2025-06-16T00:30:00Z"),
                r(BEFORE, -1, RESPONSIBLE, "2025-06-20T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-06-23T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-26T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-26T00:30:00Z"));
    }

    @Test
    void aDeadlineOnASaturdayRunsToTheEndOfMonday() {
        // Saturday 29/03/2025 ends on Monday 31/03 (Bộ luật Dân sự, Article 148(5)): the day's reminder is Monday's, the
        // day before is Friday 28/03, and it is late from Tuesday: the 3rd working day after Monday is Thursday 03/04.
        assertThat(planner.initial(d("2025-03-29"), DEFAULTS, LONG_BEFORE, false)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2025-03-24T00:30:00Z"),
                r(BEFORE, -1, RESPONSIBLE, "2025-03-28T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-03-31T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-04-03T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-04-03T00:30:00Z"));
    }

    @Test
    void aDeadlineInsideTetRunsToTheFirstWorkingDayAfterIt() {
        // Friday 31/01/2025, in Tết: it ends on Monday 03/02. -7 (27/01, off as announced) and -1 (02/02) both go back to
        // Friday 24/01, the more urgent -1 kept; nothing is late before Tuesday 04/02, and +3 is Thursday 06/02.
        assertThat(new ReminderPlanner(AS_ANNOUNCED_2025, VIETNAM).initial(d("2025-01-31"), DEFAULTS, LONG_BEFORE, false)).containsExactly(
                r(BEFORE, -1, RESPONSIBLE, "2025-01-24T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-02-03T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-02-06T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-02-06T00:30:00Z"));
    }

    @Test
    void anEscalationAfterThreeDaysOverAWeekendWaitsForTheThirdWorkingDay() {
        // a report due Thursday 20/03/2025: late on Friday 21/03 (1), Monday 24/03 (2), Tuesday 25/03 (3)
        assertThat(planner.initial(d("2025-03-20"), DEFAULTS, LONG_BEFORE, false)).filteredOn(p -> p.stage() == ESCALATION)
                .containsExactly(r(ESCALATION, 3, SUPERVISOR, "2025-03-25T00:30:00Z"));
        // counted in calendar days, +3 is Sunday 23/03: forward to Monday 24/03, never back to Friday
        assertThat(planner.initial(d("2025-03-20"), CALENDAR_DAYS, LONG_BEFORE, false)).filteredOn(p -> p.stage() == ESCALATION)
                .containsExactly(r(ESCALATION, 3, SUPERVISOR, "2025-03-24T00:30:00Z"));
    }

    @Test
    void aCompensatoryDayOffMovesTheDeadlineAndItsReminders() {
        // Giỗ Tổ Hùng Vương 2026 is Sunday 26/04, so Monday 27/04 is off (Bộ luật Lao động, Article 111(3)): work due that
        // Monday ends on Tuesday 28/04; -1 goes back to Friday 24/04; 30/04 and 01/05 are holidays, so +3 is Tuesday 05/05.
        assertThat(planner.initial(d("2026-04-27"), DEFAULTS, LONG_BEFORE, false)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2026-04-21T00:30:00Z"),
                r(BEFORE, -1, RESPONSIBLE, "2026-04-24T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2026-04-28T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2026-05-05T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2026-05-05T00:30:00Z"));
    }

    @Test
    void aCooperatingUnitIsInformedOnceBeforeAndNeverChased() {
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, LONG_BEFORE, true)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2025-06-11T00:30:00Z"));
        ReminderPolicy notReminded = new ReminderPolicy(List.of(7, 1), true, 3, 3, LateDays.WORKING, CooperatingUnits.NOT_REMINDED,
                LocalTime.of(7, 30));
        assertThat(planner.initial(d("2025-06-18"), notReminded, LONG_BEFORE, true)).isEmpty();
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-12T00:00:00Z"), true))
                .as("its one line of information has gone by: nothing more").isEmpty();
    }

    @Test
    void overdueDaysAfterAHolidayAreCountedFromTheFirstWorkingDay() {
        // Wednesday 29/04/2026: 30/04 and 01/05 are holidays, 02-03/05 the weekend: +3 working days is Wednesday 06/05
        assertThat(planner.initial(d("2026-04-29"), DEFAULTS, LONG_BEFORE, false)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2026-04-22T00:30:00Z"),
                r(BEFORE, -1, RESPONSIBLE, "2026-04-28T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2026-04-29T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2026-05-06T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2026-05-06T00:30:00Z"));
    }

    @Test
    void calendarDaysOverdueLandingInTetGoForward() {
        // Monday 27/01/2025 (a working day by statute alone): +3 is Thursday 30/01, in Tết: forward to Monday 03/02
        assertThat(planner.initial(d("2025-01-27"), CALENDAR_DAYS, LONG_BEFORE, false)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2025-01-20T00:30:00Z"),
                r(BEFORE, -1, RESPONSIBLE, "2025-01-24T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-01-27T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-02-03T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-02-03T00:30:00Z"));
    }

    @Test
    void aDeadlineSetLateGetsNoReminderForThePast() {
        // set at 07:30 on Monday 16/06/2025, two days before Wednesday 18/06: no -7 (11/06)
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-16T00:30:00Z"), false)).containsExactly(
                r(BEFORE, -1, RESPONSIBLE, "2025-06-17T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-06-18T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-23T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-23T00:30:00Z"));
    }

    @Test
    void aReminderDueExactlyNowIsNotPlanned() {
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-17T00:30:00Z"), false))
                .extracting(PlannedReminder::stage).containsExactly(ON_DAY, OVERDUE, ESCALATION);
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-17T00:29:59Z"), false))
                .extracting(PlannedReminder::stage).containsExactly(BEFORE, ON_DAY, OVERDUE, ESCALATION);
    }

    @Test
    void aDeadlineSetAfterItPassed() {
        // the deadline 18/06/2025 ended at midnight; on 19/06 only the lateness reminders are ahead
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-18T17:00:00Z"), false)).containsExactly(
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-23T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-23T00:30:00Z"));
        // learnt of on Monday 23/06 after 07:30 (+3's day): chased at the next send time, Tuesday 24/06, as +3, and escalated
        // with it; then on +6's day, Thursday 26/06
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-23T01:00:00Z"), false)).containsExactly(
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-24T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-24T00:30:00Z"),
                r(OVERDUE, 6, RESPONSIBLE, "2025-06-26T00:30:00Z"));
        // learnt of on Saturday 28/06, after +6: told on Monday 30/06 as +6, then on +9's day, Tuesday 01/07
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-28T03:00:00Z"), false)).containsExactly(
                r(OVERDUE, 6, RESPONSIBLE, "2025-06-30T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-30T00:30:00Z"),
                r(OVERDUE, 9, RESPONSIBLE, "2025-07-01T00:30:00Z"));
        // learnt of before +6's send time on its own day: nothing extra, +6 goes out that morning
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-26T00:00:00Z"), false)).containsExactly(
                r(OVERDUE, 6, RESPONSIBLE, "2025-06-26T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-26T00:30:00Z"));
    }

    @Test
    void twoRemindersOnOneDayKeepTheMoreUrgent() {
        // 2 and 1 days before Monday 23/06/2025 are Saturday and Sunday, both Friday 20/06: -1 is kept
        ReminderPolicy twoAndOne = new ReminderPolicy(List.of(1, 2), false, 3, 3, LateDays.WORKING, CooperatingUnits.INFORMED_BEFORE,
                LocalTime.of(7, 30));
        assertThat(planner.initial(d("2025-06-23"), twoAndOne, LONG_BEFORE, false)).containsExactly(
                r(BEFORE, -1, RESPONSIBLE, "2025-06-20T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-26T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-26T00:30:00Z"));
    }

    @Test
    void anotherPolicy() {
        // 3 days before, not on the day, overdue every 2 days, escalation after 5, at 16:45 (09:45Z)
        ReminderPolicy working = new ReminderPolicy(List.of(3), false, 2, 5, LateDays.WORKING, CooperatingUnits.INFORMED_BEFORE,
                LocalTime.of(16, 45));
        // Wednesday 18/06/2025: -3 Sunday 15/06 -> Friday 13/06; 2 working days later Friday 20/06; 5, Wednesday 25/06
        assertThat(planner.initial(d("2025-06-18"), working, LONG_BEFORE, false)).containsExactly(
                r(BEFORE, -3, RESPONSIBLE, "2025-06-13T09:45:00Z"),
                r(OVERDUE, 2, RESPONSIBLE, "2025-06-20T09:45:00Z"),
                r(ESCALATION, 5, SUPERVISOR, "2025-06-25T09:45:00Z"));
        ReminderPolicy calendar = new ReminderPolicy(List.of(3), false, 2, 5, LateDays.CALENDAR, CooperatingUnits.INFORMED_BEFORE,
                LocalTime.of(16, 45));
        // in calendar days +5 is Monday 23/06
        assertThat(planner.initial(d("2025-06-18"), calendar, LONG_BEFORE, false)).containsExactly(
                r(BEFORE, -3, RESPONSIBLE, "2025-06-13T09:45:00Z"),
                r(OVERDUE, 2, RESPONSIBLE, "2025-06-20T09:45:00Z"),
                r(ESCALATION, 5, SUPERVISOR, "2025-06-23T09:45:00Z"));
    }

    @Test
    void nextOverdueEveryThreeWorkingDays() {
        LocalDate deadline = d("2025-06-18"); // Wednesday; +3 was Monday 23/06
        assertThat(planner.nextOverdue(deadline, DEFAULTS, 3)).contains(r(OVERDUE, 6, RESPONSIBLE, "2025-06-26T00:30:00Z"));
        assertThat(planner.nextOverdue(deadline, DEFAULTS, 6)).contains(r(OVERDUE, 9, RESPONSIBLE, "2025-07-01T00:30:00Z"));
        assertThat(planner.nextOverdue(deadline, DEFAULTS, 9)).contains(r(OVERDUE, 12, RESPONSIBLE, "2025-07-04T00:30:00Z"));
        assertThat(planner.nextOverdue(deadline, DEFAULTS, 12)).contains(r(OVERDUE, 15, RESPONSIBLE, "2025-07-09T00:30:00Z"));
    }

    @Test
    void afterAGapTheNextOverdueReminderIsTheFirstStillToCome() {
        // +3 went out on Monday 23/06/2025, then nothing was sent until Tuesday 01/07 at 09:00: +6 (26/06) and +9
        // (01/07 07:30) are past, so the next one is +12, Friday 04/07
        assertThat(planner.nextOverdueAfter(d("2025-06-18"), DEFAULTS, 3, Instant.parse("2025-07-01T02:00:00Z")))
                .contains(r(OVERDUE, 12, RESPONSIBLE, "2025-07-04T00:30:00Z"));
    }

    @Test
    void nextOverdueSkipsADayAlreadyTold() {
        // in calendar days, for Wednesday 15/01/2025: +15 (Thursday 30/01, Tết) went out on Monday 03/02; +18 (Sunday
        // 02/02) would go out that same Monday: the next one is +21, Wednesday 05/02
        assertThat(planner.nextOverdue(d("2025-01-15"), CALENDAR_DAYS, 15)).contains(r(OVERDUE, 21, RESPONSIBLE, "2025-02-05T00:30:00Z"));
    }

    @Test
    void nextOverdueNeverBeforeTheDeadlinePassed() {
        // daily overdue reminders for Wednesday 29/04/2026: +1 is the first working day after it, Monday 04/05; +2 Tuesday 05/05
        ReminderPolicy daily = new ReminderPolicy(List.of(1), true, 1, 3, LateDays.WORKING, CooperatingUnits.INFORMED_BEFORE,
                LocalTime.of(7, 30));
        assertThat(planner.initial(d("2026-04-29"), daily, LONG_BEFORE, false)).contains(r(OVERDUE, 1, RESPONSIBLE, "2026-05-04T00:30:00Z"));
        assertThat(planner.nextOverdue(d("2026-04-29"), daily, 1)).contains(r(OVERDUE, 2, RESPONSIBLE, "2026-05-05T00:30:00Z"));
    }

    @Test
    void nextOverdueFollowsAnOverdueReminder() {
        assertThatThrownBy(() -> planner.nextOverdue(d("2025-06-18"), DEFAULTS, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> planner.nextOverdue(d("2025-06-18"), DEFAULTS, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendTimesAreVietnamTime() {
        PlannedReminder onDay = planner.initial(d("2025-06-18"), DEFAULTS, LONG_BEFORE, false).get(2);
        assertThat(onDay.stage()).isEqualTo(ON_DAY);
        assertThat(onDay.sendAt()).isEqualTo(Instant.parse("2025-06-18T00:30:00Z"));
        assertThat(onDay.sendAt().atZone(VIETNAM).toLocalDateTime()).isEqualTo(d("2025-06-18").atTime(7, 30));
    }
}
