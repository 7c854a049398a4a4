package vn.gov.par.task.assignment;

import java.util.List;

import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.task.task.TaskRole;

/**
 * An assignee text of a plan that names no unit (or not only units), kept as written for a person to
 * see and settle: "Ban Tuyên giáo Huyện ủy", "các cơ quan, đơn vị liên quan", a misspelt office.
 *
 * @param unmatched   the parts of the text no unit matched (folded: without diacritics, lower case)
 * @param emptyGroups the groups the text names that expanded to no unit (folded), such as "cac so, ban, nganh" in a district
 *                    plan; a group leaves the list when a unit of it joins the directory and gets the work
 * @param namesRelatedBodies the text gives work to "các cơ quan, đơn vị liên quan": nobody in particular
 */
public record UnresolvedAssignee(String id, String planId, String issuerCode, int activityIndex, String activityLabel, TaskRole role,
        String text, List<String> unmatched, List<String> emptyGroups, boolean namesRelatedBodies) {

    static String idOf(String planId, int activityIndex, TaskRole role, int textIndex) {
        return DerivedId.of(planId, activityIndex, role.name(), textIndex);
    }
}
