package vn.gov.par.testsupport;

import java.util.function.Supplier;

/**
 * One documented operation that changes something, as the generated access test ({@link AccessRules}) drives it: which
 * role it needs, where its resource sits, and how to make a fresh one and the request that changes it. The test
 * refuses it to every official the rules leave out and lets the one they allow through.
 *
 * @param method  the HTTP method, as documented
 * @param path    the path, as documented ({@code /api/plans/{id}/issue})
 * @param needed  the role the change needs; null for an operation that changes nothing (a parser), open to every official
 * @param units   the owning unit and its neighbours
 * @param arrange makes a fresh resource owned by {@code units.owner()} (through the API, as its own officials would)
 *                and answers the request that changes it
 */
public record GuardedWrite(String method, String path, String needed, Placement units, Supplier<RawHttp.Request> arrange) {

    /**
     * The unit that owns what the request changes, and units around it, each in the service's directory; null where
     * there is none (the head of the hierarchy has no parent), and the refusal it would be tried with is left out.
     *
     * @param owner  the unit whose officials may make the change
     * @param parent the unit directly above it
     * @param child  a unit below it
     * @param other  a unit neither above nor below it
     */
    public record Placement(String owner, String parent, String child, String other) {
    }

    public static GuardedWrite needs(String role, String method, String path, Placement units, Supplier<RawHttp.Request> arrange) {
        return new GuardedWrite(method, path, role, units, arrange);
    }

    /** An operation sent as a POST that stores nothing (it reads what it is sent): any signed-in official may call it. */
    public static GuardedWrite changesNothing(String method, String path, Placement units, Supplier<RawHttp.Request> arrange) {
        return new GuardedWrite(method, path, null, units, arrange);
    }

    String operation() {
        return method.toUpperCase() + " " + path;
    }
}
