package vn.gov.par.console.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan's cascade as plan-service answers it a level at a time: the counts over the whole cascade, overall and per
 * administrative level, and the units directly below the plan, each with the counts of what lies under it.
 */
public record Cascade(String planId, String number, String title, String issuerName, LocalDate asOf, Counts total, List<Level> levels,
        List<Node> children) {

    public Cascade {
        levels = levels == null ? List.of() : List.copyOf(levels);
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** @param completion the share issued among obligations not cancelled, from 0 to 1 */
    public record Counts(int total, int pending, int drafted, int issuedOnTime, int issuedLate, int overdue, int cancelled,
            double completion) {

        public int issued() {
            return issuedOnTime + issuedLate;
        }
    }

    public record Level(String level, Counts counts) {

        /** "Cấp tỉnh", "Cấp huyện", "Cấp xã", as plan-service names its levels. */
        public String name() {
            return switch (level) {
                case "CENTRAL" -> "Cấp trung ương";
                case "PROVINCE" -> "Cấp tỉnh";
                case "DISTRICT" -> "Cấp huyện";
                case "COMMUNE" -> "Cấp xã";
                default -> level;
            };
        }
    }

    /**
     * One unit's obligation.
     *
     * @param subPlanId the unit's own plan (prepared as a draft, issued or not): its cascade is what lies below this unit
     * @param below     the obligations under the unit, all of them whatever the filter lists
     */
    public record Node(String unitCode, String unitName, LocalDate dueDate, LocalDate effectiveDueDate, String status, String subPlanId, String subPlanNumber,
            LocalDate issuedOn, Counts below) {

        public ObligationStatus statusOf() {
            return ObligationStatus.valueOf(status);
        }

        public boolean isOverdue() {
            return statusOf() == ObligationStatus.OVERDUE;
        }

        /** Something lies below it to open. */
        public boolean canOpen() {
            return below != null && below.total() > 0;
        }
    }
}
