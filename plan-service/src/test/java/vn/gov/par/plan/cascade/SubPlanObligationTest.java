package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.par.support.calendar.GovernmentDecisions;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;

/** Where a unit stands with the sub-plan it owes: derived from the due date, today, the draft and the issue. */
class SubPlanObligationTest {

    private static final WorkingCalendar CALENDAR = GovernmentDecisions.calendarWith(List.of());

    /** Bình Phước asked its districts to issue their own plans by 30/4/2024. */
    private static final LocalDate DUE = LocalDate.of(2024, 4, 30);

    private static SubPlanObligation open() {
        return new SubPlanObligation("o-694", "p-96", "p-96", "70", "694", "UBND huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.GOVERNMENT,
                "70", DUE, "d-694", null, null, null);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Not issued

    @Test
    void untouchedDraftBeforeTheDueDateIsPending() {
        assertThat(open().status(LocalDate.of(2024, 3, 20), CALENDAR, false)).isEqualTo(ObligationStatus.PENDING);
    }

    @Test
    void revisedDraftBeforeTheDueDateIsDrafted() {
        assertThat(open().status(LocalDate.of(2024, 4, 10), CALENDAR, true)).isEqualTo(ObligationStatus.DRAFTED);
    }

    @Test
    void onTheDueDateItselfTheObligationIsNotYetOverdue() {
        assertThat(open().status(DUE, CALENDAR, false)).isEqualTo(ObligationStatus.PENDING);
        assertThat(open().status(DUE, CALENDAR, true)).isEqualTo(ObligationStatus.DRAFTED);
    }

    /** Due 30/04/2024, a holiday like 01/05: the deadline runs to the end of Thursday 02/05, the next working day. */
    @Test
    void theDayAfterTheEffectiveDeadlineAnUnissuedObligationIsOverdueWhetherOrNotTheDraftWasTouched() {
        assertThat(open().status(LocalDate.of(2024, 5, 1), CALENDAR, false)).isEqualTo(ObligationStatus.PENDING);
        assertThat(open().status(LocalDate.of(2024, 5, 2), CALENDAR, true)).isEqualTo(ObligationStatus.DRAFTED);
        assertThat(open().status(LocalDate.of(2024, 5, 3), CALENDAR, false)).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(open().status(LocalDate.of(2024, 5, 3), CALENDAR, true)).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(open().status(LocalDate.of(2024, 8, 19), CALENDAR, true)).isEqualTo(ObligationStatus.OVERDUE);
    }

    @Test
    void issuedOnTheNextWorkingDayAfterADueDateOnAHolidayIsOnTime() {
        assertThat(open().fulfil("36/KH-UBND", LocalDate.of(2024, 5, 2)).issuedOnTime(CALENDAR)).isTrue();
        assertThat(open().fulfil("37/KH-UBND", LocalDate.of(2024, 5, 3)).issuedOnTime(CALENDAR)).isFalse();
    }

    @Test
    void anOpenObligationIsNotIssuedOnTime() {
        assertThat(open().isOpen()).isTrue();
        assertThat(open().issuedOnTime(CALENDAR)).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Issued

    @Test
    void fulfillingRecordsTheSubPlanNumberAndDateAndClosesTheObligation() {
        SubPlanObligation fulfilled = open().fulfil("35/KH-UBND", LocalDate.of(2024, 4, 25));

        assertThat(fulfilled.subPlanNumber()).isEqualTo("35/KH-UBND");
        assertThat(fulfilled.issuedOn()).isEqualTo(LocalDate.of(2024, 4, 25));
        assertThat(fulfilled.cancelledOn()).isNull();
        assertThat(fulfilled.isOpen()).isFalse();
        assertThat(fulfilled).usingRecursiveComparison().ignoringFields("subPlanNumber", "issuedOn").isEqualTo(open());
    }

    @Test
    void issuedBeforeTheDueDateIsOnTime() {
        SubPlanObligation fulfilled = open().fulfil("35/KH-UBND", LocalDate.of(2024, 4, 25));

        assertThat(fulfilled.issuedOnTime(CALENDAR)).isTrue();
        assertThat(fulfilled.status(LocalDate.of(2024, 4, 26), CALENDAR, false)).isEqualTo(ObligationStatus.ISSUED_ON_TIME);
    }

    @Test
    void issuedOnTheDueDateCountsAsOnTime() {
        SubPlanObligation fulfilled = open().fulfil("35/KH-UBND", DUE);

        assertThat(fulfilled.issuedOnTime(CALENDAR)).isTrue();
        assertThat(fulfilled.status(DUE, CALENDAR, true)).isEqualTo(ObligationStatus.ISSUED_ON_TIME);
    }

    @Test
    void issuedAfterTheDueDateIsLateAndStaysLate() {
        SubPlanObligation fulfilled = open().fulfil("212/KH-UBND", LocalDate.of(2024, 8, 19));

        assertThat(fulfilled.issuedOnTime(CALENDAR)).isFalse();
        assertThat(fulfilled.status(LocalDate.of(2024, 8, 19), CALENDAR, true)).isEqualTo(ObligationStatus.ISSUED_LATE);
        assertThat(fulfilled.status(LocalDate.of(2025, 1, 1), CALENDAR, false)).isEqualTo(ObligationStatus.ISSUED_LATE);
    }

    @Test
    void anIssuedObligationIsNeverOverdueAfterTheDueDate() {
        SubPlanObligation fulfilled = open().fulfil("35/KH-UBND", LocalDate.of(2024, 4, 2));

        assertThat(fulfilled.status(DUE.plusMonths(3), CALENDAR, false)).isEqualTo(ObligationStatus.ISSUED_ON_TIME);
        assertThat(fulfilled.status(DUE.plusMonths(3), CALENDAR, false).isIssued()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cancelled

    @Test
    void cancellingRecordsTheDayAndClosesTheObligation() {
        SubPlanObligation cancelled = open().cancel(LocalDate.of(2024, 4, 5));

        assertThat(cancelled.cancelledOn()).isEqualTo(LocalDate.of(2024, 4, 5));
        assertThat(cancelled.issuedOn()).isNull();
        assertThat(cancelled.subPlanNumber()).isNull();
        assertThat(cancelled.isOpen()).isFalse();
        assertThat(cancelled).usingRecursiveComparison().ignoringFields("cancelledOn").isEqualTo(open());
    }

    @Test
    void aCancelledObligationIsCancelledBeforeAndAfterItsDueDate() {
        SubPlanObligation cancelled = open().cancel(LocalDate.of(2024, 4, 5));

        assertThat(cancelled.status(LocalDate.of(2024, 4, 6), CALENDAR, true)).isEqualTo(ObligationStatus.CANCELLED);
        assertThat(cancelled.status(DUE.plusDays(1), CALENDAR, false)).isEqualTo(ObligationStatus.CANCELLED);
        assertThat(cancelled.status(DUE.plusDays(1), CALENDAR, false).isIssued()).isFalse();
    }
}
