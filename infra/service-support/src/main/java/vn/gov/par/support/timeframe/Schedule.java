package vn.gov.par.support.timeframe;

import java.util.List;
import java.util.Objects;

/**
 * A parsed timeframe phrase.
 *
 * @param text        the original text, exactly as written (may be {@code null} or blank, then unrecognised)
 * @param kind        what the phrase was understood to mean
 * @param recognised  {@code false} only for {@link ScheduleKind#UNRECOGNISED}: such a phrase must be shown to a
 *                    person rather than guessed
 * @param occurrences the dated occurrences, ordered by due date; empty for unrecognised and on-demand phrases
 */
public record Schedule(String text, ScheduleKind kind, boolean recognised, List<Occurrence> occurrences) {

    public Schedule {
        Objects.requireNonNull(kind, "kind");
        if (recognised == (kind == ScheduleKind.UNRECOGNISED)) {
            throw new IllegalArgumentException("recognised must be false exactly when kind is UNRECOGNISED");
        }
        occurrences = List.copyOf(occurrences);
    }

    static Schedule recognised(String text, ScheduleKind kind, List<Occurrence> occurrences) {
        return new Schedule(text, kind, true, occurrences);
    }

    static Schedule unrecognised(String text) {
        return new Schedule(text, ScheduleKind.UNRECOGNISED, false, List.of());
    }
}
