package vn.gov.par.support.access;

import java.time.Instant;

import vn.gov.par.contracts.Actor;

/**
 * One change in a resource's history: what was done ({@code action}, a stable code such as {@code ISSUED}), when,
 * and by whom; {@code by} is null for what the platform did on its own (a sub-plan draft prepared by the cascade).
 */
public record HistoryEntry(String action, Instant at, Actor by) {
}
