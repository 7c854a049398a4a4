package vn.gov.par.contracts.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan was issued and is now binding. Carries what downstream services need to assign work
 * (activities) and expect reports (reporting clause), with the texts as written in the plan.
 *
 * @param parentPlanId  the plan this one implements, or null for a top-level plan
 * @param rootPlanId    the top of the cascade this plan belongs to (its own id for a top-level plan)
 * @param obligationId  the sub-plan obligation this plan fulfils, or null
 * @param cascadeDueDate the date by which the units below must issue their own plans, or null if none must
 */
public record PlanIssued(
        String planId,
        String number,
        String title,
        int year,
        String issuerCode,
        String issuerName,
        String provinceCode,
        LocalDate issuedOn,
        String signer,
        String parentPlanId,
        String rootPlanId,
        String obligationId,
        List<PlanActivity> activities,
        String reportingClause,
        LocalDate cascadeDueDate) {
}
