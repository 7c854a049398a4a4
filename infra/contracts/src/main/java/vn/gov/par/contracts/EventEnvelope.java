package vn.gov.par.contracts;

import java.time.Instant;

/**
 * The one envelope every event travels in, after the CloudEvents attributes: {@code id}, {@code type},
 * {@code source}, {@code time}, {@code subject}, plus the {@code schemaversion} extension and a typed payload.
 *
 * @param actor who caused it, when a signed-in person did (carried as the {@code actorid}, {@code actorname} and
 *              {@code actorunit} extensions); null for what the platform does on its own (a cascade, a sweep)
 */
public record EventEnvelope<T>(
        String id,
        String type,
        int schemaVersion,
        String source,
        Instant time,
        String subject,
        Actor actor,
        T data) {

    public static <T> EventEnvelope<T> of(EventType<T> type, String id, String source, Instant time, String subject, Actor actor, T data) {
        return new EventEnvelope<>(id, type.name(), type.version(), source, time, subject, actor, data);
    }

    public boolean is(EventType<?> eventType) {
        return eventType.name().equals(type);
    }

    @SuppressWarnings("unchecked")
    public <P> P dataAs(EventType<P> eventType) {
        if (!is(eventType)) {
            throw new IllegalArgumentException("Event " + id + " is " + type + ", not " + eventType.name());
        }
        return (P) data;
    }
}
