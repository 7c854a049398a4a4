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

import vn.gov.par.notification.calendar.Holiday;
import vn.gov.par.notification.calendar.WorkingCalendar;

/**
 * Expected send times are written in UTC: 07:30 in Vietnam (UTC+7, no daylight saving) is 00:30Z the same day.
 */
class ReminderPlannerTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ReminderPolicy DEFAULTS = ReminderPolicy.defaults();
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
        // Wednesday 18/06/2025: -7 Wednesday 11/06, -1 Tuesday 17/06, on the day, +3 is Saturday 21/06 -> Friday 20/06
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, LONG_BEFORE)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2025-06-11T00:30:00Z"),
                r(BEFORE, -1, RESPONSIBLE, "2025-06-17T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-06-18T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-20T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-20T00:30:00Z"));
    }

    @Test
    void aReminderDueOnASundayGoesOutOnFriday() {
        // Monday 23/06/2025: -1 is Sunday 22/06 -> Friday 20/06; +3 is Thursday 26/06
        assertThat(planner.initial(d("2025-06-23"), DEFAULTS, LONG_BEFORE)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2025-06-16T00:30:00Z"),
                r(BEFORE, -1, RESPONSIBLE, "2025-06-20T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-06-23T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-26T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-26T00:30:00Z"));
    }

    @Test
    void aDeadlineJustAfterTet() {
        // Monday 03/02/2025, the first working day after Tết (28/01-01/02) and a Sunday. -7 is Monday 27/01, a working
        // day by statute; -1 is Sunday 02/02, back over Tết to 27/01 as well: the more urgent -1 is kept.
        assertThat(planner.initial(d("2025-02-03"), DEFAULTS, LONG_BEFORE)).containsExactly(
                r(BEFORE, -1, RESPONSIBLE, "2025-01-27T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-02-03T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-02-06T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-02-06T00:30:00Z"));
    }

    @Test
    void aDeadlineJustAfterTetWithTheAnnouncedDaysOff() {
        // As announced for 2025: Monday 27/01 off too (made up on Saturday 08/02), so both go back to Friday 24/01.
        WorkingCalendar calendar = new WorkingCalendar(List.of(new Holiday(d("2025-01-27"), "Nghỉ bù Tết Nguyên đán")),
                List.of(d("2025-02-08")));
        assertThat(new ReminderPlanner(calendar, VIETNAM).initial(d("2025-02-03"), DEFAULTS, LONG_BEFORE)).containsExactly(
                r(BEFORE, -1, RESPONSIBLE, "2025-01-24T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-02-03T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-02-06T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-02-06T00:30:00Z"));
    }

    @Test
    void anOverdueReminderThatWouldGoBackBeforeTheDeadlineGoesForward() {
        // Wednesday 29/04/2026: +3 is Saturday 02/05; back over 01/05 and 30/04 (holidays) it would be the deadline's
        // own day, when the work is not late yet: it goes forward to Monday 04/05 instead.
        assertThat(planner.initial(d("2026-04-29"), DEFAULTS, LONG_BEFORE)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2026-04-22T00:30:00Z"),
                r(BEFORE, -1, RESPONSIBLE, "2026-04-28T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2026-04-29T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2026-05-04T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2026-05-04T00:30:00Z"));
    }

    @Test
    void anOverdueReminderDueInTetRightAfterTheDeadlineGoesForward() {
        // Monday 27/01/2025: +3 is Thursday 30/01, in Tết; back, it would be 27/01 itself: forward to Monday 03/02.
        // -1 is Sunday 26/01 -> Friday 24/01.
        assertThat(planner.initial(d("2025-01-27"), DEFAULTS, LONG_BEFORE)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2025-01-20T00:30:00Z"),
                r(BEFORE, -1, RESPONSIBLE, "2025-01-24T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-01-27T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-02-03T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-02-03T00:30:00Z"));
    }

    @Test
    void aDeadlineSetLateGetsNoReminderForThePast() {
        // set at 07:30 on Monday 16/06/2025, two days before Wednesday 18/06: no -7 (11/06)
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-16T00:30:00Z"))).containsExactly(
                r(BEFORE, -1, RESPONSIBLE, "2025-06-17T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-06-18T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-20T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-20T00:30:00Z"));
    }

    @Test
    void aReminderDueExactlyNowIsNotPlanned() {
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-17T00:30:00Z")))
                .extracting(PlannedReminder::stage).containsExactly(ON_DAY, OVERDUE, ESCALATION);
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-17T00:29:59Z")))
                .extracting(PlannedReminder::stage).containsExactly(BEFORE, ON_DAY, OVERDUE, ESCALATION);
    }

    @Test
    void aDeadlineSetAfterItPassed() {
        // the deadline 18/06/2025 ended at midnight; on 19/06 only the lateness reminders are ahead
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-18T17:00:00Z"))).containsExactly(
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-20T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-20T00:30:00Z"));
        // learnt of on 20/06 after 07:30: chased from the next overdue day (+6, Tuesday 24/06), and escalated with it
        assertThat(planner.initial(d("2025-06-18"), DEFAULTS, Instant.parse("2025-06-20T01:00:00Z"))).containsExactly(
                r(OVERDUE, 6, RESPONSIBLE, "2025-06-24T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-24T00:30:00Z"));
    }

    @Test
    void twoRemindersOnOneDayKeepTheMoreUrgent() {
        // Sunday 22/06/2025: -1 (Saturday) and the day itself both go back to Friday 20/06: ON_DAY is kept.
        // -7 is Sunday 15/06 -> Friday 13/06; +3 is Wednesday 25/06.
        assertThat(planner.initial(d("2025-06-22"), DEFAULTS, LONG_BEFORE)).containsExactly(
                r(BEFORE, -7, RESPONSIBLE, "2025-06-13T00:30:00Z"),
                r(ON_DAY, 0, RESPONSIBLE, "2025-06-20T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-25T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-25T00:30:00Z"));

        // 2 and 1 days before Monday 23/06/2025 are Saturday and Sunday, both Friday 20/06: -1 is kept
        ReminderPolicy twoAndOne = new ReminderPolicy(List.of(1, 2), false, 3, 3, LocalTime.of(7, 30));
        assertThat(planner.initial(d("2025-06-23"), twoAndOne, LONG_BEFORE)).containsExactly(
                r(BEFORE, -1, RESPONSIBLE, "2025-06-20T00:30:00Z"),
                r(OVERDUE, 3, RESPONSIBLE, "2025-06-26T00:30:00Z"),
                r(ESCALATION, 3, SUPERVISOR, "2025-06-26T00:30:00Z"));
    }

    @Test
    void anotherPolicy() {
        // 3 days before, not on the day, overdue every 2 days, escalation after 5, at 16:45 (09:45Z)
        ReminderPolicy policy = new ReminderPolicy(List.of(3), false, 2, 5, LocalTime.of(16, 45));
        // Wednesday 18/06/2025: -3 Sunday 15/06 -> Friday 13/06; +2 Friday 20/06; +5 Monday 23/06
        assertThat(planner.initial(d("2025-06-18"), policy, LONG_BEFORE)).containsExactly(
                r(BEFORE, -3, RESPONSIBLE, "2025-06-13T09:45:00Z"),
                r(OVERDUE, 2, RESPONSIBLE, "2025-06-20T09:45:00Z"),
                r(ESCALATION, 5, SUPERVISOR, "2025-06-23T09:45:00Z"));
    }

    @Test
    void nextOverdueEveryThreeDays() {
        LocalDate deadline = d("2025-06-18"); // Wednesday
        assertThat(planner.nextOverdue(deadline, DEFAULTS, 3)).contains(r(OVERDUE, 6, RESPONSIBLE, "2025-06-24T00:30:00Z"));
        assertThat(planner.nextOverdue(deadline, DEFAULTS, 6)).contains(r(OVERDUE, 9, RESPONSIBLE, "2025-06-27T00:30:00Z"));
        assertThat(planner.nextOverdue(deadline, DEFAULTS, 9)).contains(r(OVERDUE, 12, RESPONSIBLE, "2025-06-30T00:30:00Z"));
        // +15 is Thursday 03/07
        assertThat(planner.nextOverdue(deadline, DEFAULTS, 12)).contains(r(OVERDUE, 15, RESPONSIBLE, "2025-07-03T00:30:00Z"));
    }

    @Test
    void nextOverdueSkipsADayAlreadyTold() {
        // Wednesday 15/01/2025: +12 went out on Monday 27/01. +15 (Thursday 30/01, Tết) and +18 (Sunday 02/02) both
        // go back to 27/01 again: the next one is +21, Wednesday 05/02.
        assertThat(planner.nextOverdue(d("2025-01-15"), DEFAULTS, 12)).contains(r(OVERDUE, 21, RESPONSIBLE, "2025-02-05T00:30:00Z"));
    }

    @Test
    void nextOverdueNeverBeforeTheDeadlinePassed() {
        // daily overdue reminders for Wednesday 29/04/2026: +1 went out on Monday 04/05 (moved forward); +2 to +5 all
        // come to 04/05 too; +6 is Tuesday 05/05
        ReminderPolicy daily = new ReminderPolicy(List.of(1), true, 1, 3, LocalTime.of(7, 30));
        assertThat(planner.initial(d("2026-04-29"), daily, LONG_BEFORE)).contains(r(OVERDUE, 1, RESPONSIBLE, "2026-05-04T00:30:00Z"));
        assertThat(planner.nextOverdue(d("2026-04-29"), daily, 1)).contains(r(OVERDUE, 6, RESPONSIBLE, "2026-05-05T00:30:00Z"));
    }

    @Test
    void nextOverdueFollowsAnOverdueReminder() {
        assertThatThrownBy(() -> planner.nextOverdue(d("2025-06-18"), DEFAULTS, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> planner.nextOverdue(d("2025-06-18"), DEFAULTS, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendTimesAreVietnamTime() {
        PlannedReminder onDay = planner.initial(d("2025-06-18"), DEFAULTS, LONG_BEFORE).get(2);
        assertThat(onDay.stage()).isEqualTo(ON_DAY);
        assertThat(onDay.sendAt()).isEqualTo(Instant.parse("2025-06-18T00:30:00Z"));
        assertThat(onDay.sendAt().atZone(VIETNAM).toLocalDateTime()).isEqualTo(d("2025-06-18").atTime(7, 30));
    }
}
