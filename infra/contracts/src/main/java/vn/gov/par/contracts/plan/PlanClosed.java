package vn.gov.par.contracts.plan;

import java.time.LocalDate;

/** An issued plan's year of work is over; nothing more is expected under it. */
public record PlanClosed(String planId, String issuerCode, String provinceCode, LocalDate closedOn) {
}
