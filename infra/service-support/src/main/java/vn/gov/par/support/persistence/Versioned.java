package vn.gov.par.support.persistence;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** An aggregate as it was read, with the revision a write must still find to succeed. */
public record Versioned<T>(T value, long revision) {

    /** Each aggregate as the change makes it, with the revision it was read at; those the change leaves as they are, left out. */
    public static <T> List<Versioned<T>> changed(List<Versioned<T>> read, Function<T, Optional<T>> change) {
        return read.stream().flatMap(each -> change.apply(each.value()).map(after -> new Versioned<>(after, each.revision())).stream()).toList();
    }
}
