package vn.gov.par.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads the envelope as a structured-mode CloudEvents JSON document (UTF-8).
 * Readers ignore fields they don't know, so a contract may grow without breaking older consumers;
 * an event whose schema version is newer than this build knows is refused rather than half-read.
 */
public final class EventCodec {

    private static final String SPEC_VERSION = "1.0";

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String encode(EventEnvelope<?> event) {
        ObjectNode node = json.createObjectNode();
        node.put("specversion", SPEC_VERSION);
        node.put("id", event.id());
        node.put("type", event.type());
        node.put("source", event.source());
        node.put("time", event.time().toString());
        node.put("subject", event.subject());
        node.put("datacontenttype", "application/json");
        node.put("schemaversion", event.schemaVersion());
        if (event.actor() != null) {
            node.put("actorid", event.actor().subject());
            node.put("actorname", event.actor().name());
            node.put("actorunit", event.actor().unitCode());
        }
        node.set("data", json.valueToTree(event.data()));
        return json.writeValueAsString(node);
    }

    public EventEnvelope<?> decode(byte[] bytes) {
        JsonNode node = parse(bytes);
        String typeName = requiredText(node, "type");
        EventType<?> type = EventCatalog.byName(typeName).orElseThrow(() -> new UndecodableEventException(
                UndecodableEventException.Reason.UNKNOWN_TYPE, "no event type named '" + typeName + "'", null));
        int version = node.path("schemaversion").asInt(1);
        if (version > type.version()) {
            throw new UndecodableEventException(UndecodableEventException.Reason.UNSUPPORTED_VERSION,
                    typeName + " version " + version + " is newer than the " + type.version() + " this service knows", null);
        }
        return new EventEnvelope<>(requiredText(node, "id"), typeName, version, requiredText(node, "source"),
                parseTime(node), node.path("subject").asString(null), actor(node), payload(node, type));
    }

    private JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new UndecodableEventException(UndecodableEventException.Reason.MALFORMED, "not a JSON object", null);
            }
            return node;
        } catch (JacksonException e) {
            throw new UndecodableEventException(UndecodableEventException.Reason.MALFORMED, e.getOriginalMessage(), e);
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new UndecodableEventException(UndecodableEventException.Reason.MALFORMED, "missing attribute '" + field + "'", null);
        }
        return value.asString();
    }

    private static Instant parseTime(JsonNode node) {
        try {
            return Instant.parse(requiredText(node, "time"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new UndecodableEventException(UndecodableEventException.Reason.MALFORMED, "bad time: " + e.getMessage(), e);
        }
    }

    private static Actor actor(JsonNode node) {
        return node.hasNonNull("actorid")
                ? new Actor(node.get("actorid").asString(), node.path("actorname").asString(null), node.path("actorunit").asString(null))
                : null;
    }

    private <T> T payload(JsonNode node, EventType<T> type) {
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new UndecodableEventException(UndecodableEventException.Reason.INVALID_PAYLOAD, "missing data object", null);
        }
        try {
            return json.treeToValue(data, type.payloadType());
        } catch (JacksonException e) {
            throw new UndecodableEventException(UndecodableEventException.Reason.INVALID_PAYLOAD, e.getOriginalMessage(), e);
        }
    }
}
