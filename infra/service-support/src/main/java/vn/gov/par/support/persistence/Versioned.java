package vn.gov.par.support.persistence;

/** An aggregate as it was read, with the revision a write must still find to succeed. */
public record Versioned<T>(T value, long revision) {
}
