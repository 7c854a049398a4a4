package vn.gov.par.plan.plan;

/** The six areas of public-administration reform a plan's communication covers. */
public enum ParArea {
    INSTITUTIONS("Cải cách thể chế"),
    ADMINISTRATIVE_PROCEDURES("Cải cách thủ tục hành chính"),
    ORGANISATION("Cải cách tổ chức bộ máy"),
    CIVIL_SERVICE("Cải cách chế độ công vụ"),
    PUBLIC_FINANCE("Cải cách tài chính công"),
    DIGITAL_GOVERNMENT("Xây dựng và phát triển Chính phủ điện tử, Chính phủ số");

    private final String vietnamese;

    ParArea(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}
