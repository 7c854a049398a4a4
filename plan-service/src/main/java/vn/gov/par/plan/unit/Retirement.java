package vn.gov.par.plan.unit;

import java.time.LocalDate;

/**
 * That a unit was dissolved ({@code successorCode} null) or merged into another unit on a day: it stays in the directory
 * under its own name, so what it did reads as it was, and is owed nothing more.
 */
public record Retirement(LocalDate retiredOn, String successorCode) {
}
