package vn.gov.par.plan.unit;

/** What is wrong with one row of an import, in words an official can act on. */
public record ImportRowError(int row, String code, String field, String message) {
}
