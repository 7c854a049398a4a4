package vn.gov.par.support.outbox;

import java.util.Map;

/**
 * An encoded event waiting, inside the document whose change implied it, for the relay to publish it.
 *
 * @param traceHeaders the propagation headers of the trace it was caused in (see {@link TraceHeaders}), published with it;
 *                     documents written before events carried them have none
 */
public record OutboxMessage(String eventId, String topic, String key, String type, String json, Map<String, String> traceHeaders) {
}
