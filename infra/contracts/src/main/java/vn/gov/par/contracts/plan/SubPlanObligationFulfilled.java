package vn.gov.par.contracts.plan;

import java.time.LocalDate;

/** The obliged unit issued its sub-plan; {@code onTime} compares the issue date with the due date. */
public record SubPlanObligationFulfilled(
        String obligationId,
        String parentPlanId,
        String unitCode,
        String provinceCode,
        String subPlanId,
        String subPlanNumber,
        LocalDate issuedOn,
        LocalDate dueDate,
        boolean onTime) {
}
