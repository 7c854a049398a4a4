package vn.gov.par.contracts.plan;

import java.time.LocalDate;

/** A plan was withdrawn before or after issue; whatever it asked of others no longer stands. */
public record PlanCancelled(String planId, String issuerCode, String provinceCode, LocalDate cancelledOn, String reason) {
}
