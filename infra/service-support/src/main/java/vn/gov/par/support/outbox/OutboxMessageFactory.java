package vn.gov.par.support.outbox;

import java.time.Clock;
import java.util.UUID;

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

    public <T> OutboxMessage create(EventType<T> type, String key, String subject, T payload) {
        String id = UUID.randomUUID().toString();
        EventEnvelope<T> envelope = EventEnvelope.of(type, id, source, clock.instant(), subject, payload);
        return new OutboxMessage(id, type.topic(), key, type.name(), codec.encode(envelope), trace.current());
    }
}
