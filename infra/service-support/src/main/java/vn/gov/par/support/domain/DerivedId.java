package vn.gov.par.support.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An id computed from what identifies a thing (the parent plan and the unit, say), the same every time:
 * a handler that runs again after a crash or a redelivery finds the document it would create already there.
 */
public final class DerivedId {

    private DerivedId() {
    }

    public static String of(Object... parts) {
        String key = Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("|"));
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
