package vn.gov.par.contracts.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit must issue its own plan implementing the parent plan by the due date; a draft has been prepared for it.
 *
 * @param supervisingUnitCode the unit that issued the parent plan and to which the obligation is owed
 * @param unitAncestorCodes   the obliged unit's ancestors, from the top of the hierarchy down to its parent,
 *                            so consumers can place it without waiting for its unit event
 * @param takenOverFromUnitCode the unit retired (merged into this one) whose obligation this takes over; null for an
 *                            obligation the parent plan gave
 * @param takenOverAfter      that unit's retirement day: what fell due until then under the parent plan was that unit's,
 *                            not this one's; null with {@code takenOverFromUnitCode}
 */
public record SubPlanObligationCreated(
        String obligationId,
        String parentPlanId,
        String rootPlanId,
        String parentPlanNumber,
        String parentPlanTitle,
        String supervisingUnitCode,
        String unitCode,
        String unitName,
        String provinceCode,
        LocalDate dueDate,
        String draftPlanId,
        List<String> unitAncestorCodes,
        String takenOverFromUnitCode,
        LocalDate takenOverAfter) {
}
