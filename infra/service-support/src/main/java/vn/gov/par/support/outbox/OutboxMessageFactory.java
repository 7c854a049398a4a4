package vn.gov.par.support.outbox;

import java.time.Clock;
import java.util.UUID;

import vn.gov.par.contracts.Actor;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.EventEnvelope;
import vn.gov.par.contracts.EventType;

/**
 * Turns a fact into an outbox message, stamped with this service as its source and the clock's time, and carrying the
 * trace it was caused in.
 */
public class OutboxMessageFactory {

    private final EventCodec codec;
    private final Clock clock;
    private final String source;
    private final TraceHeaders trace;

    public OutboxMessageFactory(EventCodec codec, Clock clock, String serviceName, TraceHeaders trace) {
        this.codec = codec;
        this.clock = clock;
        this.source = "/" + serviceName;
        this.trace = trace;
    }

    /** A fact the platform caused on its own (a cascade, a sweep): no one acted. */
    public <T> OutboxMessage create(EventType<T> type, String key, String subject, T payload) {
        return create(type, key, subject, null, payload);
    }

    /** @param actor the signed-in person whose request caused it */
    public <T> OutboxMessage create(EventType<T> type, String key, String subject, Actor actor, T payload) {
        String id = UUID.randomUUID().toString();
        EventEnvelope<T> envelope = EventEnvelope.of(type, id, source, clock.instant(), subject, actor, payload);
        return new OutboxMessage(id, type.topic(), key, type.name(), codec.encode(envelope), trace.current());
    }
}
