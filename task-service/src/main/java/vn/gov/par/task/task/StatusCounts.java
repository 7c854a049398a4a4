package vn.gov.par.task.task;

import java.util.EnumMap;
import java.util.Map;

/**
 * Occurrences per status, and the share of due work done: done / (done + overdue), null when nothing
 * is due yet.
 */
public record StatusCounts(long notDue, long overdue, long doneOnTime, long doneLate, long onDemand, Double doneShare) {

    public static StatusCounts of(Map<OccurrenceStatus, Long> counts) {
        Map<OccurrenceStatus, Long> all = new EnumMap<>(OccurrenceStatus.class);
        all.putAll(counts);
        long done = all.getOrDefault(OccurrenceStatus.DONE_ON_TIME, 0L) + all.getOrDefault(OccurrenceStatus.DONE_LATE, 0L);
        long due = done + all.getOrDefault(OccurrenceStatus.OVERDUE, 0L);
        return new StatusCounts(all.getOrDefault(OccurrenceStatus.NOT_DUE, 0L), all.getOrDefault(OccurrenceStatus.OVERDUE, 0L),
                all.getOrDefault(OccurrenceStatus.DONE_ON_TIME, 0L), all.getOrDefault(OccurrenceStatus.DONE_LATE, 0L),
                all.getOrDefault(OccurrenceStatus.ON_DEMAND, 0L), due == 0 ? null : (double) done / due);
    }

    public StatusCounts plus(StatusCounts other) {
        Map<OccurrenceStatus, Long> sum = new EnumMap<>(OccurrenceStatus.class);
        sum.put(OccurrenceStatus.NOT_DUE, notDue + other.notDue);
        sum.put(OccurrenceStatus.OVERDUE, overdue + other.overdue);
        sum.put(OccurrenceStatus.DONE_ON_TIME, doneOnTime + other.doneOnTime);
        sum.put(OccurrenceStatus.DONE_LATE, doneLate + other.doneLate);
        sum.put(OccurrenceStatus.ON_DEMAND, onDemand + other.onDemand);
        return of(sum);
    }

    public static StatusCounts none() {
        return of(Map.of());
    }
}
