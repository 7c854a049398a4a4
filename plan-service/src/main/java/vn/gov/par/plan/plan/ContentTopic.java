package vn.gov.par.plan.plan;

/** A topic to communicate: one of the six reform areas with the plan's own words, or free text alone ({@code area} null). */
public record ContentTopic(ParArea area, String text) {
}
