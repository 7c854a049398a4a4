package vn.gov.par.notification.reminder;

/** What a deadline is for, and how an email names it. */
public enum DeadlineKind {
    SUB_PLAN("Ban hành kế hoạch"),
    TASK("Thực hiện nhiệm vụ"),
    REPORT("Gửi báo cáo");

    private final String vietnamese;

    DeadlineKind(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}
