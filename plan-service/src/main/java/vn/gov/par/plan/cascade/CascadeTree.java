package vn.gov.par.plan.cascade;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanStatus;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;

/** The whole cascade below a plan, as one answer a screen can draw: the tree, and counts overall and per level. */
public record CascadeTree(
        String planId,
        String number,
        String title,
        String issuerCode,
        String issuerName,
        PlanStatus status,
        LocalDate asOf,
        StatusCounts total,
        List<LevelCounts> levels,
        List<Node> children) {

    public record Node(String obligationId, String unitCode, String unitName, UnitLevel level, UnitKind kind, LocalDate dueDate,
            ObligationStatus status, String subPlanId, String subPlanNumber, LocalDate issuedOn, List<Node> children) {
    }

    public record LevelCounts(UnitLevel level, StatusCounts counts) {
    }

    /** Counts per status; {@code completion} is the share issued among obligations not cancelled. */
    public record StatusCounts(int total, int pending, int drafted, int issuedOnTime, int issuedLate, int overdue, int cancelled,
            double completion) {

        static StatusCounts of(Collection<ObligationStatus> statuses) {
            Map<ObligationStatus, Long> by = statuses.stream().collect(Collectors.groupingBy(s -> s, () -> new EnumMap<>(ObligationStatus.class),
                    Collectors.counting()));
            int cancelled = count(by, ObligationStatus.CANCELLED);
            int issued = count(by, ObligationStatus.ISSUED_ON_TIME) + count(by, ObligationStatus.ISSUED_LATE);
            int live = statuses.size() - cancelled;
            return new StatusCounts(statuses.size(), count(by, ObligationStatus.PENDING), count(by, ObligationStatus.DRAFTED),
                    count(by, ObligationStatus.ISSUED_ON_TIME), count(by, ObligationStatus.ISSUED_LATE), count(by, ObligationStatus.OVERDUE),
                    cancelled, live == 0 ? 0 : (double) issued / live);
        }

        private static int count(Map<ObligationStatus, Long> by, ObligationStatus status) {
            return by.getOrDefault(status, 0L).intValue();
        }
    }

    /**
     * @param cascade      every obligation under the plan's cascade root (more is fine: only the plan's subtree is walked)
     * @param revisedDrafts ids of the prepared drafts their units have started editing
     */
    public static CascadeTree of(Plan plan, List<SubPlanObligation> cascade, Set<String> revisedDrafts, LocalDate today) {
        Map<String, List<SubPlanObligation>> byParentPlan = cascade.stream().collect(Collectors.groupingBy(SubPlanObligation::parentPlanId));
        List<Node> flat = new ArrayList<>();
        List<Node> children = nodesUnder(plan.id(), byParentPlan, revisedDrafts, today, flat);
        Map<UnitLevel, List<ObligationStatus>> byLevel = flat.stream().collect(Collectors.groupingBy(Node::level,
                () -> new EnumMap<>(UnitLevel.class), Collectors.mapping(Node::status, Collectors.toList())));
        List<LevelCounts> levels = byLevel.entrySet().stream().map(e -> new LevelCounts(e.getKey(), StatusCounts.of(e.getValue()))).toList();
        return new CascadeTree(plan.id(), plan.number(), plan.content().title(), plan.issuerCode(), plan.issuerName(), plan.status(), today,
                StatusCounts.of(flat.stream().map(Node::status).toList()), levels, children);
    }

    private static List<Node> nodesUnder(String planId, Map<String, List<SubPlanObligation>> byParentPlan, Set<String> revisedDrafts,
            LocalDate today, List<Node> flat) {
        List<Node> nodes = new ArrayList<>();
        for (SubPlanObligation o : byParentPlan.getOrDefault(planId, List.of())) {
            List<Node> below = o.issuedOn() == null ? List.of() : nodesUnder(o.draftPlanId(), byParentPlan, revisedDrafts, today, flat);
            Node node = new Node(o.id(), o.unitCode(), o.unitName(), o.unitLevel(), o.unitKind(), o.dueDate(),
                    o.status(today, revisedDrafts.contains(o.draftPlanId())), o.draftPlanId(), o.subPlanNumber(), o.issuedOn(), below);
            nodes.add(node);
            flat.add(node);
        }
        nodes.sort(Comparator.comparing(Node::kind).thenComparing(Node::unitCode));
        return nodes;
    }
}
