package vn.gov.par.console.task;

import java.util.List;

/**
 * One page of the "Nhiệm vụ" list.
 *
 * @param total     how many occurrences match, or null when the console filtered the role itself and stopped reading
 *                  the service's pages once it had this page and the next one's first row
 * @param truncated the console stopped reading the service's pages before the end without filling this page: there
 *                  may be more matching occurrences than it shows
 */
public record TaskList(List<Occurrence> rows, int page, int size, Long total, boolean hasNext, boolean truncated) {

    public TaskList {
        rows = List.copyOf(rows);
    }

    static TaskList empty(int size) {
        return new TaskList(List.of(), 0, size, 0L, false, false);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /** Pages in all, when the total is known. */
    public Long pages() {
        return total == null ? null : Math.max(1, (total + size - 1) / size);
    }
}
