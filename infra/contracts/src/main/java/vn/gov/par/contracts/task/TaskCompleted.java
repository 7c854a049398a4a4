package vn.gov.par.contracts.task;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit recorded an occurrence as done.
 *
 * @param onTime whether it was done on or before its due date (always true for on-demand work)
 * @param count  how many products were made (bản tin, tin bài, video...), or null if not stated
 */
public record TaskCompleted(TaskOccurrenceFacts occurrence, LocalDate doneOn, boolean onTime, Integer count, List<String> links,
        String note) {
}
