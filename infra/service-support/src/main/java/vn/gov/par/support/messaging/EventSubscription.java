package vn.gov.par.support.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.EventEnvelope;
import vn.gov.par.contracts.EventType;
import vn.gov.par.contracts.UndecodableEventException;

/**
 * A Spring Cloud Stream consumer of one topic that decodes the envelope and hands each payload to the
 * handler registered for its type. Events of a known type that this service does not handle are
 * skipped. An event that can never be decoded is counted and rethrown as
 * {@link UndecodableEventException}, which {@link DeadLetteringContainerCustomizer} never retries, so it goes straight to
 * the dead-letter topic with its reason in the headers; any other failure is retried with the binding's back-off, then
 * dead-lettered.
 */
public final class EventSubscription implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);

    private final String name;
    private final EventCodec codec;
    private final Map<String, Consumer<Object>> handlers;
    private final MeterRegistry meters;

    private EventSubscription(String name, EventCodec codec, Map<String, Consumer<Object>> handlers, MeterRegistry meters) {
        this.name = name;
        this.codec = codec;
        this.handlers = Map.copyOf(handlers);
        this.meters = meters;
    }

    public static Builder named(String name, EventCodec codec, MeterRegistry meters) {
        return new Builder(name, codec, meters);
    }

    @Override
    public void accept(Message<byte[]> message) {
        EventEnvelope<?> event = decode(message.getPayload());
        Consumer<Object> handler = handlers.get(event.type());
        if (handler == null) {
            return;
        }
        try {
            handler.accept(event.data());
        } catch (RuntimeException e) {
            log.warn("Subscription {} failed on {} {}; it will be retried, then dead-lettered: {}", name, event.type(), event.id(), e.toString());
            throw e;
        }
        Counter.builder("par.events.consumed").tag("subscription", name).tag("type", event.type()).register(meters).increment();
    }

    private EventEnvelope<?> decode(byte[] payload) {
        try {
            return codec.decode(payload);
        } catch (UndecodableEventException e) {
            Counter.builder("par.events.undecodable").tag("subscription", name).tag("reason", e.reason().name())
                    .register(meters).increment();
            log.warn("Subscription {} received an event it can never process, dead-lettering it: {}", name, e.getMessage());
            throw e;
        }
    }

    public static final class Builder {

        private final String name;
        private final EventCodec codec;
        private final MeterRegistry meters;
        private final Map<String, Consumer<Object>> handlers = new HashMap<>();

        private Builder(String name, EventCodec codec, MeterRegistry meters) {
            this.name = name;
            this.codec = codec;
            this.meters = meters;
        }

        @SuppressWarnings("unchecked")
        public <T> Builder on(EventType<T> type, Consumer<T> handler) {
            handlers.put(type.name(), payload -> handler.accept((T) payload));
            return this;
        }

        public EventSubscription build() {
            return new EventSubscription(name, codec, handlers, meters);
        }
    }
}
