package vn.gov.par.console.admin;

import java.time.Instant;

/** Who last changed something the services keep a history line of, and when, as they answer it. */
record LastChange(String action, Instant at, Actor by) {

    /** The official who did it, as the services name them. */
    record Actor(String subject, String name, String unitCode) {
    }

    /** How it was done: {@code IMPORTED} by an import, {@code REPLACED} or {@code SET} by an edit. */
    public String actionLabel() {
        return "IMPORTED".equals(action) ? "Nhập từ tệp" : "Sửa trực tiếp";
    }
}
