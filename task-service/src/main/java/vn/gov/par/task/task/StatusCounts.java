package vn.gov.par.task.task;

import java.util.Map;

/**
 * Occurrences per status, and the share of due work done.
 *
 * <p>Due work is what was due before today: work done early whose day has not come is counted as done on time but
 * neither as due nor as done in the share, or it would lift the share of a unit that leaves due work undone.
 *
 * @param due       occurrences whose due date is past
 * @param dueDone   of those, the ones done (on time or late)
 * @param doneShare dueDone / due, null when nothing is due yet
 */
public record StatusCounts(long notDue, long overdue, long doneOnTime, long doneLate, long onDemand, long due, long dueDone,
        Double doneShare) {

    /**
     * @param all     occurrences per status
     * @param pastDue occurrences per status among those due before today
     */
    public static StatusCounts of(Map<OccurrenceStatus, Long> all, Map<OccurrenceStatus, Long> pastDue) {
        long due = pastDue.values().stream().mapToLong(Long::longValue).sum();
        long dueDone = pastDue.getOrDefault(OccurrenceStatus.DONE_ON_TIME, 0L) + pastDue.getOrDefault(OccurrenceStatus.DONE_LATE, 0L);
        return new StatusCounts(all.getOrDefault(OccurrenceStatus.NOT_DUE, 0L), all.getOrDefault(OccurrenceStatus.OVERDUE, 0L),
                all.getOrDefault(OccurrenceStatus.DONE_ON_TIME, 0L), all.getOrDefault(OccurrenceStatus.DONE_LATE, 0L),
                all.getOrDefault(OccurrenceStatus.ON_DEMAND, 0L), due, dueDone, share(dueDone, due));
    }

    public StatusCounts plus(StatusCounts other) {
        long sumDue = due + other.due;
        long sumDueDone = dueDone + other.dueDone;
        return new StatusCounts(notDue + other.notDue, overdue + other.overdue, doneOnTime + other.doneOnTime, doneLate + other.doneLate,
                onDemand + other.onDemand, sumDue, sumDueDone, share(sumDueDone, sumDue));
    }

    public static StatusCounts none() {
        return of(Map.of(), Map.of());
    }

    private static Double share(long done, long due) {
        return due == 0 ? null : (double) done / due;
    }
}
