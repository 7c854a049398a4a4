package vn.gov.par.console.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A unit's roll-up of one report period as report-service answers it: how the reports stand, counted apart for what is
 * owed to the unit, what it owes above and its whole subtree; the figures for the unit and everything below it; and
 * every expected report in hierarchy order (each unit followed by the units below it).
 */
public record ReportRollup(String unitCode, String unitName, String rootPlanId, String planNumber, String planTitle, String periodType,
        String periodName, LocalDate periodFrom, LocalDate periodTo, LocalDate asOf, Map<String, Integer> ownIndicators,
        Map<String, Integer> belowIndicators, Map<String, Integer> totals, Submissions owedToUnit, Submissions own, Submissions subtree,
        List<UnitLine> units) {

    /** One labelled count of the roll-up: what is owed to the unit, what it owes above, its whole area. */
    public record Scope(String label, Submissions reports) {
    }

    /** The counts that have anything in them, in that order; the whole area only when it adds something. */
    public List<Scope> scopes() {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope("Các đơn vị phải nộp về " + unitName, owedToUnit));
        if (own != null && own.expected() > 0) {
            scopes.add(new Scope("Của " + unitName + " gửi cấp trên", own));
        }
        if (subtree != null && subtree.expected() > owedToUnit.expected() + (own == null ? 0 : own.expected())) {
            scopes.add(new Scope("Toàn bộ trên địa bàn, kể cả báo cáo gửi các đơn vị cấp dưới", subtree));
        }
        return scopes;
    }

    /** How a set of expected reports stands; the rates are null when none is expected. */
    public record Submissions(int expected, int onTime, int late, int returned, int missing, Double onTimeRate, Double completeness) {

        public int submitted() {
            return onTime + late;
        }
    }

    public ReportRollup {
        ownIndicators = ownIndicators == null ? Map.of() : Map.copyOf(ownIndicators);
        belowIndicators = belowIndicators == null ? Map.of() : Map.copyOf(belowIndicators);
        totals = totals == null ? Map.of() : Map.copyOf(totals);
        units = units == null ? List.of() : List.copyOf(units);
    }

    /**
     * One expected report.
     *
     * @param depth      0 for the unit whose roll-up this is, 1 for the level below, ...
     * @param submission ON_TIME, LATE, RETURNED or MISSING
     */
    public record UnitLine(String unitCode, String unitName, String level, int depth, String periodType, String submission,
            String status, LocalDate dueDate, Instant submittedAt) {

        /** "Nộp đúng hạn", "Nộp trễ hạn", "Bị trả lại", "Chưa nộp". */
        public String submissionLabel() {
            return switch (submission == null ? "" : submission) {
                case "ON_TIME" -> "Nộp đúng hạn";
                case "LATE" -> "Nộp trễ hạn";
                case "RETURNED" -> "Bị trả lại";
                case "MISSING" -> "Chưa nộp";
                default -> String.valueOf(submission);
            };
        }

        boolean isSubmitted() {
            return "ON_TIME".equals(submission) || "LATE".equals(submission);
        }
    }

    /** The reports expected from one unit directly below (depth 1) and every unit under it, or from the unit itself. */
    public record Branch(String unitCode, String unitName, boolean own, int expected, int onTime, int late, int returned, int missing) {

        public int submitted() {
            return onTime + late;
        }

        /** Reports submitted (on time or late) / reports expected, from 0 to 1. */
        public double completeness() {
            return expected == 0 ? 0 : (double) submitted() / expected;
        }

        Branch plus(UnitLine line) {
            String s = line.submission() == null ? "" : line.submission();
            return new Branch(unitCode, unitName, own, expected + 1, onTime + ("ON_TIME".equals(s) ? 1 : 0), late + ("LATE".equals(s) ? 1 : 0),
                    returned + ("RETURNED".equals(s) ? 1 : 0), missing + ("MISSING".equals(s) ? 1 : 0));
        }
    }

    /**
     * The figures per child unit: the unit's own report(s) first, then each unit directly below with every report of the
     * units under it counted in its line.
     */
    public List<Branch> branches() {
        List<Branch> branches = new ArrayList<>();
        Branch own = null;
        Branch current = null;
        for (UnitLine line : units) {
            if (line.depth() <= 0) {
                own = (own == null ? new Branch(line.unitCode(), line.unitName(), true, 0, 0, 0, 0, 0) : own).plus(line);
                continue;
            }
            boolean anotherChild = line.depth() == 1 && (current == null || !current.unitCode().equals(line.unitCode()));
            if (anotherChild || current == null) {
                if (current != null) {
                    branches.add(current);
                }
                current = new Branch(line.unitCode(), line.unitName(), false, 0, 0, 0, 0, 0);
            }
            current = current.plus(line);
        }
        if (current != null) {
            branches.add(current);
        }
        if (own != null) {
            branches.add(0, own);
        }
        return branches;
    }

    /** An indicator of the totals, 0 when absent. */
    public int total(String key) {
        return totals.getOrDefault(key, 0);
    }

    public int own(String key) {
        return ownIndicators.getOrDefault(key, 0);
    }

    public int below(String key) {
        return belowIndicators.getOrDefault(key, 0);
    }
}
