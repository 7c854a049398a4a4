package vn.gov.par.task.task;

/** The categories Vietnamese task tracking reports on. */
public enum OccurrenceStatus {
    /** Chưa hoàn thành, còn trong hạn. */
    NOT_DUE,
    /** Chưa hoàn thành, quá hạn. */
    OVERDUE,
    /** Hoàn thành đúng hạn. */
    DONE_ON_TIME,
    /** Hoàn thành quá hạn. */
    DONE_LATE,
    /** Đột xuất: no deadline, not done. */
    ON_DEMAND;

    public boolean isDone() {
        return this == DONE_ON_TIME || this == DONE_LATE;
    }
}
