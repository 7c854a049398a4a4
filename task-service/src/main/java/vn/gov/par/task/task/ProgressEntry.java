package vn.gov.par.task.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.gov.par.contracts.Actor;

/**
 * One record of progress on an occurrence. Entries are only ever appended: a correction is a new entry,
 * and the latest one says where the occurrence stands.
 *
 * @param doneOn     the day the work was done; required when {@code done}
 * @param count      how many products were made, if stated
 * @param recordedBy the official who recorded it (subject, name, unit); null on entries recorded before it was kept
 */
public record ProgressEntry(Instant recordedAt, boolean done, LocalDate doneOn, Integer count, List<String> links, String note,
        Actor recordedBy) {

    public ProgressEntry {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
