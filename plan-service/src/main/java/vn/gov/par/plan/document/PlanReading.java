package vn.gov.par.plan.document;

import java.util.List;

import vn.gov.par.plan.plan.PlanContent;

/** What was read from a plan document: the plan's content as a draft takes it, the document's identity, and every finding. */
public record PlanReading(PlanContent content, DocumentIdentity document, List<Finding> findings) {

    public PlanReading {
        findings = List.copyOf(findings);
    }
}
