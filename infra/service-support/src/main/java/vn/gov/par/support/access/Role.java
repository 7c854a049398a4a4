package vn.gov.par.support.access;

/** What an official may do for its own unit, as a realm role in the access token. */
public enum Role {
    /** Officer: edits its unit's drafts, records its unit's progress, drafts and submits its unit's reports, edits its unit's contacts. */
    CAN_BO("cán bộ"),
    /** Leader: everything an officer may, plus issue, close or cancel its unit's plans and accept or return the reports owed to it. */
    LANH_DAO("lãnh đạo"),
    /** Administrator: the units directory, the contacts and the working calendar of its subtree. */
    QUAN_TRI("quản trị");

    private final String title;

    Role(String title) {
        this.title = title;
    }

    /** How the role is named to officials: "cần quyền lãnh đạo". */
    public String title() {
        return title;
    }
}
