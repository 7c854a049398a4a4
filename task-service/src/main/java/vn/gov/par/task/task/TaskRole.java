package vn.gov.par.task.task;

/** Cơ quan chủ trì (LEAD) or cơ quan phối hợp (COOPERATING). */
public enum TaskRole {
    LEAD,
    COOPERATING
}
