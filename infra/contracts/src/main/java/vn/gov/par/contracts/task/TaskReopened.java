package vn.gov.par.contracts.task;

import java.time.LocalDate;

/**
 * An occurrence recorded as done was corrected to not done: whatever counted it as done must stop
 * doing so, and its deadline stands again.
 */
public record TaskReopened(TaskOccurrenceFacts occurrence, LocalDate correctedOn) {
}
