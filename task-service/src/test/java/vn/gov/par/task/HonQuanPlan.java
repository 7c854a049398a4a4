package vn.gov.par.task;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;

/**
 * Huyện Hớn Quản's 2024 plan (shared/plans/000), activities as written in its section II.3, and the
 * units plan-service would have announced for it, published as plan-service publishes them.
 */
public final class HonQuanPlan {

    /** The unit heading the directory, as plan-service has it: the tests' default caller administers it, and so sees everything. */
    public static final String CENTRAL = "TW";
    public static final String DISTRICT = "694";
    public static final String CULTURE_OFFICE = "694-PVHTT";
    public static final String HOME_AFFAIRS = "694-PNV";
    public static final String OTHER_DISTRICTS_HOME_AFFAIRS = "691-PNV";
    public static final List<String> COMMUNES = List.of("25357", "25327", "25330");
    public static final List<String> AGENCIES = List.of("694-PVHTT", "694-PNV", "694-VP", "694-PTCKH", "694-DTTTH", "694-TTVHTT");

    private HonQuanPlan() {
    }

    /** Every unit {@link #announceUnits} announced is known to task-service (its roll-up answers instead of a 404). */
    public static void awaitUnitsKnown(HttpJson api) {
        List<String> units = List.of(CENTRAL, "70", "694", "694-PVHTT", "694-PNV", "694-VP", "694-PTCKH", "694-DTTTH", "694-TTVHTT", "25357", "25327",
                "25330", "691", "691-PNV", "25216");
        await().atMost(Duration.ofSeconds(30)).until(() -> units.stream().allMatch(unit -> api.get("/api/rollups/units/" + unit).ok()));
    }

    public static void announceUnits(KafkaTopicProbe kafka) {
        centralGovernment(kafka);
        unit(kafka, "70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", CENTRAL);
        unit(kafka, "694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", CENTRAL, "70");
        unit(kafka, "694-PVHTT", "Phòng Văn hóa - Thông tin huyện Hớn Quản", "DISTRICT", "AGENCY", CENTRAL, "70", "694");
        unit(kafka, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", "DISTRICT", "AGENCY", CENTRAL, "70", "694");
        unit(kafka, "694-VP", "Văn phòng HĐND và UBND huyện Hớn Quản", "DISTRICT", "AGENCY", CENTRAL, "70", "694");
        unit(kafka, "694-PTCKH", "Phòng Tài chính - Kế hoạch huyện Hớn Quản", "DISTRICT", "AGENCY", CENTRAL, "70", "694");
        unit(kafka, "694-DTTTH", "Đài Truyền thanh - Truyền hình huyện Hớn Quản", "DISTRICT", "AGENCY", CENTRAL, "70", "694");
        unit(kafka, "694-TTVHTT", "Trung tâm Văn hóa - Thể thao huyện Hớn Quản", "DISTRICT", "AGENCY", CENTRAL, "70", "694");
        unit(kafka, "25357", "UBND thị trấn Tân Khai", "COMMUNE", "GOVERNMENT", CENTRAL, "70", "694");
        unit(kafka, "25327", "UBND xã Thanh An", "COMMUNE", "GOVERNMENT", CENTRAL, "70", "694");
        unit(kafka, "25330", "UBND xã An Khương", "COMMUNE", "GOVERNMENT", CENTRAL, "70", "694");
        unit(kafka, "691", "UBND huyện Lộc Ninh", "DISTRICT", "GOVERNMENT", CENTRAL, "70");
        unit(kafka, "691-PNV", "Phòng Nội vụ huyện Lộc Ninh", "DISTRICT", "AGENCY", CENTRAL, "70", "691");
        unit(kafka, "25216", "UBND thị trấn Lộc Ninh", "COMMUNE", "GOVERNMENT", CENTRAL, "70", "691");
    }

    public static PlanIssued plan(String planId) {
        return new PlanIssued(planId, "120/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn huyện Hớn Quản",
                2024, DISTRICT, "UBND huyện Hớn Quản", "70", LocalDate.of(2024, 3, 1), "Nguyễn Văn Hạ", null, planId, null, List.of(
                        new PlanActivity("a", "Phát hành các ấn phẩm như áp phích, tờ rơi, tờ gấp", "Áp phích, tờ rơi",
                                List.of("Phòng Văn hóa - Thông tin huyện và UBND các xã, thị trấn"),
                                List.of("Trung tâm Văn hóa - Thể thao huyện và các cơ quan, đơn vị liên quan"), "thường xuyên"),
                        new PlanActivity("b", "Lồng ghép nội dung cải cách hành chính vào các hội nghị", null,
                                List.of("các cơ quan, ban, ngành huyện và UBND các xã, thị trấn"),
                                List.of("Phòng Văn hóa - Thông tin huyện, các cơ quan, đơn vị liên quan"), "trong năm 2024"),
                        new PlanActivity("đ", "Biên tập, in ấn phát hành Bản tin cải cách hành chính", "Mỗi quý 01 bản tin",
                                List.of("Phòng Nội vụ, Phòng Văn hóa – Thông tin huyện"),
                                List.of("các cơ quan, ban, ngành huyện; UBND các xã, thị trấn và các cơ quan, đơn vị liên quan"), "hàng quý/2024"),
                        new PlanActivity("k", "Xây dựng chuyên mục tuyên truyền trên Đài TTTH huyện", null,
                                List.of("Đài Truyền thanh - Truyền hình huyện ."),
                                List.of("Phòng Nội vụ huyện, các cơ quan, ban, ngành huyện và UBND các xã, thị trấn"), "định kỳ"),
                        new PlanActivity("y", "Đăng tin trên Trang thông tin điện tử huyện", "Mỗi tháng 02 kỳ",
                                List.of("Phòng Văn hóa - Thông tin huyện"), List.of(), "sau khi có hướng dẫn của tỉnh"),
                        new PlanActivity("x", "Biên soạn tài liệu tuyên truyền", null, List.of("Ban Tuyên giáo Huyện ủy"), List.of(),
                                "trong năm 2024")),
                "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND huyện (qua Phòng Văn hóa và Thông tin).",
                LocalDate.of(2024, 4, 30));
    }

    /** The central government, above every province: announced by every fixture that places a province, the same each time. */
    public static void centralGovernment(KafkaTopicProbe kafka) {
        kafka.publish(EventCatalog.UNIT_REGISTERED, CENTRAL, new UnitRecorded(CENTRAL, "Chính phủ", "CENTRAL", "GOVERNMENT", null, CENTRAL,
                List.of(), null));
    }

    private static void unit(KafkaTopicProbe kafka, String code, String name, String level, String kind, String... ancestors) {
        List<String> path = List.of(ancestors);
        String parent = path.isEmpty() ? null : path.get(path.size() - 1);
        kafka.publish(EventCatalog.UNIT_REGISTERED, "70", new UnitRecorded(code, name, level, kind, parent, "70", path, null));
    }
}
