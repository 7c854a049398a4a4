package vn.gov.par.support.outbox;

/** An encoded event waiting, inside the document whose change implied it, for the relay to publish it. */
public record OutboxMessage(String eventId, String topic, String key, String type, String json) {
}
