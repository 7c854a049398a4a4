package vn.gov.par.console.task;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The "Cập nhật tiến độ" form as the official typed it, kept as text so that a refused form shows back exactly what was
 * typed.
 *
 * @param links one link per line
 * @param task  the occurrence's task, which the page is read from again
 */
public record ProgressForm(Boolean done, String doneOn, String count, String note, String links, String task) {

    /** What task-service's {@code POST /api/occurrences/{id}/progress} takes. */
    public record ProgressRequest(boolean done, LocalDate doneOn, Integer count, List<String> links, String note) {
    }

    /** An empty form, or the latest entry's facts to correct from (a correction is one more entry). */
    static ProgressForm from(Occurrence occurrence) {
        Occurrence.Progress latest = occurrence.latestProgress();
        if (latest == null) {
            return new ProgressForm(false, null, null, null, null, occurrence.taskId());
        }
        return new ProgressForm(latest.done(), latest.doneOn() == null ? null : latest.doneOn().toString(),
                latest.count() == null ? null : String.valueOf(latest.count()), latest.note(), String.join("\n", latest.links()),
                occurrence.taskId());
    }

    public boolean isDone() {
        return Boolean.TRUE.equals(done);
    }

    /** The request for the service; a date or number that cannot be read gets a message for its field instead. */
    ProgressRequest toRequest(Map<String, String> messages) {
        LocalDate day = TaskFilter.date(doneOn, "doneOn", messages);
        Integer products = null;
        if (count != null && !count.isBlank()) {
            try {
                products = Integer.valueOf(count.trim());
            } catch (NumberFormatException e) {
                messages.put("count", "Số lượng sản phẩm phải là một số nguyên, ví dụ 3.");
            }
        }
        List<String> lines = links == null ? List.of() : Arrays.stream(links.split("\\R")).map(String::trim).filter(l -> !l.isEmpty()).toList();
        return new ProgressRequest(isDone(), day, products, lines, note == null || note.isBlank() ? null : note.strip());
    }
}
