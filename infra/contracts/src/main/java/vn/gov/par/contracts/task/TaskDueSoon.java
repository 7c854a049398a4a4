package vn.gov.par.contracts.task;

/** An occurrence not yet done comes due within the configured lead time. Published once per occurrence. */
public record TaskDueSoon(TaskOccurrenceFacts occurrence) {
}
