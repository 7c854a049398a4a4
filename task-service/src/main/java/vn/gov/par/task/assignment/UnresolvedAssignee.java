package vn.gov.par.task.assignment;

import java.util.List;

import vn.gov.par.task.task.TaskRole;

/**
 * An assignee text of a plan that names no unit (or not only units), kept as written for a person to
 * see and settle: "Ban Tuyên giáo Huyện ủy", "các cơ quan, đơn vị liên quan", a misspelt office.
 *
 * @param unmatched the parts of the text no unit matched (folded: without diacritics, lower case)
 */
public record UnresolvedAssignee(String id, String planId, String issuerCode, int activityIndex, String activityLabel, TaskRole role,
        String text, List<String> unmatched) {
}
