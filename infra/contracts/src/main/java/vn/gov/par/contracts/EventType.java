package vn.gov.par.contracts;

/**
 * The wire identity of an event: its CloudEvents {@code type}, the newest schema version this build
 * understands, the payload record it decodes into, and the topic it travels on. The name is chosen
 * here, never derived from a Java class name, so classes can be renamed without breaking the wire.
 */
public record EventType<T>(String name, int version, Class<T> payloadType, String topic) {
}
