package vn.gov.par.plan.cascade;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanStatus;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;

/**
 * The cascade below a plan, as one answer a screen can draw: the tree, and counts overall and per level. A screen that
 * cannot hold a national cascade lists it a level at a time ({@link Listing}): every node says what lies below it, and
 * the counts always cover the whole cascade.
 */
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

    /**
     * @param dueDate          as the parent plan writes it
     * @param effectiveDueDate the day it is judged by: a due date on a day off runs to the end of the next working day
     * @param below            the obligations in its subtree, whether listed or not: all zero for a unit that has not issued
     * @param children         the nodes one level down, if listed; none where the listing stops, though {@code below} may count some
     */
    public record Node(String obligationId, String unitCode, String unitName, UnitLevel level, UnitKind kind, LocalDate dueDate,
            LocalDate effectiveDueDate, ObligationStatus status, String subPlanId, String subPlanNumber, LocalDate issuedOn, StatusCounts below, List<Node> children) {

        /** Its own status is that one, or some obligation below it has it. */
        boolean holds(ObligationStatus wanted) {
            return status == wanted || below.count(wanted) > 0;
        }

        Node withChildren(List<Node> listed) {
            return new Node(obligationId, unitCode, unitName, level, kind, dueDate, effectiveDueDate, status, subPlanId, subPlanNumber, issuedOn,
                    below, listed);
        }
    }

    /**
     * Which nodes the tree lists; the counts are the same whatever it lists.
     *
     * @param depth  how many levels below the plan are listed (1: the plan's own obligations only); null for all
     * @param status only the nodes with that status or with it somewhere below them (so a late commune stays reachable
     *               through its district); null for all
     */
    public record Listing(Integer depth, ObligationStatus status) {

        public static final Listing WHOLE = new Listing(null, null);

        List<Node> apply(List<Node> nodes, int level) {
            if (depth != null && level > depth) {
                return List.of();
            }
            return nodes.stream().filter(node -> status == null || node.holds(status))
                    .map(node -> node.withChildren(apply(node.children(), level + 1))).toList();
        }
    }

    public record LevelCounts(UnitLevel level, StatusCounts counts) {
    }

    /** Counts per status; {@code completion} is the share issued among obligations not cancelled. */
    public record StatusCounts(int total, int pending, int drafted, int issuedOnTime, int issuedLate, int overdue, int cancelled,
            double completion) {

        static StatusCounts of(Collection<ObligationStatus> statuses) {
            int[] byStatus = new int[ObligationStatus.values().length];
            statuses.forEach(status -> byStatus[status.ordinal()]++);
            return of(byStatus);
        }

        /** @param byStatus how many have each status, by its ordinal */
        private static StatusCounts of(int[] byStatus) {
            int total = Arrays.stream(byStatus).sum();
            int cancelled = byStatus[ObligationStatus.CANCELLED.ordinal()];
            int issued = byStatus[ObligationStatus.ISSUED_ON_TIME.ordinal()] + byStatus[ObligationStatus.ISSUED_LATE.ordinal()];
            int live = total - cancelled;
            return new StatusCounts(total, byStatus[ObligationStatus.PENDING.ordinal()], byStatus[ObligationStatus.DRAFTED.ordinal()],
                    byStatus[ObligationStatus.ISSUED_ON_TIME.ordinal()], byStatus[ObligationStatus.ISSUED_LATE.ordinal()],
                    byStatus[ObligationStatus.OVERDUE.ordinal()], cancelled, live == 0 ? 0 : (double) issued / live);
        }

        /** Those of a node's subtree: what its children hold below them, and the children themselves. */
        static StatusCounts below(List<Node> children) {
            int[] byStatus = new int[ObligationStatus.values().length];
            for (Node child : children) {
                for (ObligationStatus status : ObligationStatus.values()) {
                    byStatus[status.ordinal()] += child.below().count(status);
                }
                byStatus[child.status().ordinal()]++;
            }
            return of(byStatus);
        }

        int count(ObligationStatus status) {
            return switch (status) {
                case PENDING -> pending;
                case DRAFTED -> drafted;
                case ISSUED_ON_TIME -> issuedOnTime;
                case ISSUED_LATE -> issuedLate;
                case OVERDUE -> overdue;
                case CANCELLED -> cancelled;
            };
        }

    }

    /**
     * @param cascade      every obligation under the plan's cascade root (more is fine: only the plan's subtree is walked)
     * @param revisedDrafts ids of the prepared drafts their units have started editing (those still owed and not overdue
     *                      are enough: only theirs decide a status)
     * @param listing      which nodes to list ({@link Listing#WHOLE} for the whole tree); the counts are the same
     */
    public static CascadeTree of(Plan plan, List<SubPlanObligation> cascade, Set<String> revisedDrafts, LocalDate today,
            WorkingCalendar calendar, Listing listing) {
        Map<String, List<SubPlanObligation>> byParentPlan = cascade.stream().collect(Collectors.groupingBy(SubPlanObligation::parentPlanId));
        List<Node> flat = new ArrayList<>();
        List<Node> children = nodesUnder(plan.id(), byParentPlan, revisedDrafts, today, calendar, flat);
        Map<UnitLevel, List<ObligationStatus>> byLevel = flat.stream().collect(Collectors.groupingBy(Node::level,
                () -> new EnumMap<>(UnitLevel.class), Collectors.mapping(Node::status, Collectors.toList())));
        List<LevelCounts> levels = byLevel.entrySet().stream().map(e -> new LevelCounts(e.getKey(), StatusCounts.of(e.getValue()))).toList();
        return new CascadeTree(plan.id(), plan.number(), plan.content().title(), plan.issuerCode(), plan.issuerName(), plan.status(), today,
                StatusCounts.of(flat.stream().map(Node::status).toList()), levels, listing.apply(children, 1));
    }

    /** The nodes under a plan, each with the counts of its subtree, and each added to {@code flat} (for the counts by level). */
    private static List<Node> nodesUnder(String planId, Map<String, List<SubPlanObligation>> byParentPlan, Set<String> revisedDrafts,
            LocalDate today, WorkingCalendar calendar, List<Node> flat) {
        List<Node> nodes = new ArrayList<>();
        for (SubPlanObligation o : byParentPlan.getOrDefault(planId, List.of())) {
            List<Node> children = o.issuedOn() == null ? List.of() : nodesUnder(o.draftPlanId(), byParentPlan, revisedDrafts, today, calendar, flat);
            StatusCounts below = StatusCounts.below(children);
            Node node = new Node(o.id(), o.unitCode(), o.unitName(), o.unitLevel(), o.unitKind(), o.dueDate(),
                    calendar.effectiveDeadline(o.dueDate()), o.status(today, calendar, revisedDrafts.contains(o.draftPlanId())), o.draftPlanId(), o.subPlanNumber(), o.issuedOn(), below, children);
            nodes.add(node);
            flat.add(node);
        }
        nodes.sort(Comparator.comparing(Node::kind).thenComparing(Node::unitCode));
        return nodes;
    }
}
