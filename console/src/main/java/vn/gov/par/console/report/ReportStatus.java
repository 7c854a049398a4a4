package vn.gov.par.console.report;

/** A report's own status in report-service, named as officials say it. */
public enum ReportStatus {
    EXPECTED("Chưa soạn"),
    DRAFT("Đang soạn"),
    SUBMITTED("Đã nộp, chờ tiếp nhận"),
    RETURNED("Bị trả lại"),
    ACCEPTED("Đã tiếp nhận"),
    CANCELLED("Đã hủy");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a status as the service writes it; an unknown one as it came. */
    public static String labelOf(String status) {
        for (ReportStatus s : values()) {
            if (s.name().equals(status)) {
                return s.label;
            }
        }
        return status;
    }
}
