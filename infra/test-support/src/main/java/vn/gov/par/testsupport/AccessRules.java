package vn.gov.par.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The access rules tried on every operation a service documents that changes something: for each, the officials the
 * rules leave out (another unit's, a child unit's, the parent's leader who may only read, one whose role is not
 * enough) are refused with a 403 or 404 problem, the store and the topics exactly as they were; then the official
 * they allow succeeds. An operation that changes something and has no {@link GuardedWrite} fails the test, so a new
 * endpoint cannot slip past the rules.
 */
public final class AccessRules {

    private AccessRules() {
    }

    public static void assertEveryWriteFollowsTheRules(int port, MongoTemplate mongo, List<String> topics, List<RefusalProbe.Consumer> consumers,
            List<GuardedWrite> writes) {
        HttpJson anonymous = HttpJson.onPort(port).anonymous();
        JsonNode paths = anonymous.ok(anonymous.get("/v3/api-docs")).path("paths");
        TreeSet<String> documented = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                if (!"get".equals(method)) {
                    documented.add(method.toUpperCase() + " " + path);
                }
            }
        }
        Set<String> guarded = writes.stream().map(GuardedWrite::operation).collect(Collectors.toCollection(TreeSet::new));
        assertThat(guarded).as("operations that change something, each with its access rule").isEqualTo(documented);

        RefusalProbe probe = new RefusalProbe(RawHttp.onPort(port), mongo, topics, consumers);
        for (GuardedWrite write : writes) {
            RawHttp.Request request = write.arrange().get();
            probe.settle();
            if (write.needed() == null) {
                String official = TestTokens.official("khong-vai-tro", write.units().other());
                assertThat(probe.as(official).send(write.operation() + " by an official with no role", request))
                        .as("open to every official: " + write.operation()).isPresent();
                continue;
            }
            refusals(write).forEach((who, token) -> {
                RawHttp.Response refused = probe.as(token).refused(write.operation() + " by " + who, request);
                assertThat(refused.status()).as(write.operation() + " by " + who + "\n→ " + refused).isIn(403, 404);
            });
            String allowed = TestTokens.official("duoc-phep", write.units().owner(), write.needed());
            assertThat(probe.as(allowed).send(write.operation() + " by the owning unit's " + write.needed(), request))
                    .as(write.operation() + " by the owning unit's " + write.needed()).isPresent();
        }
    }

    /** Who must be refused, and the token each presents: every one holds the role needed but the owner's own official. */
    private static Map<String, String> refusals(GuardedWrite write) {
        GuardedWrite.Placement units = write.units();
        String role = write.needed();
        Map<String, String> refusals = new LinkedHashMap<>();
        if (units.other() != null) {
            refusals.put("another unit's " + role + " (" + units.other() + ")", TestTokens.official("don-vi-khac", units.other(), role));
        }
        if (units.child() != null) {
            refusals.put("a child unit's " + role + " (" + units.child() + ")", TestTokens.official("cap-duoi", units.child(), role));
        }
        if (units.parent() != null) {
            refusals.put("the parent's leader, who may only read (" + units.parent() + ")", TestTokens.official("cap-tren", units.parent(),
                    "LANH_DAO", "CAN_BO"));
        }
        refusals.put("the owner's official without the role " + role + " (" + units.owner() + ")",
                TestTokens.official("thieu-quyen", units.owner(), otherRolesThan(role)));
        return refusals;
    }

    /**
     * What the owner's official holds when its role is not enough: an officer where a leader is needed, an officer or
     * leader where an administrator is, no role at all where an officer is.
     */
    private static String[] otherRolesThan(String role) {
        return switch (role) {
            case "LANH_DAO" -> new String[] {"CAN_BO", "QUAN_TRI"};
            case "CAN_BO" -> new String[] {};
            case "QUAN_TRI" -> new String[] {"LANH_DAO", "CAN_BO"};
            default -> throw new IllegalArgumentException("no such role: " + role);
        };
    }
}
