package vn.gov.par.contracts.task;

/** An occurrence passed its due date without being done. Published once per occurrence. */
public record TaskOverdue(TaskOccurrenceFacts occurrence) {
}
