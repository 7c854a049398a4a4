package vn.gov.par.contracts;

/**
 * The signed-in person who caused a change: the identity provider's stable {@code subject}, the name shown to people
 * ("Nguyễn Văn An") and the unit they acted for.
 */
public record Actor(String subject, String name, String unitCode) {
}
