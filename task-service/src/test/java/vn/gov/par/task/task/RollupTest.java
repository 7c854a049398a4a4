package vn.gov.par.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.task.HonQuanIntegrationTest;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.testsupport.TestTokens;
import vn.gov.par.testsupport.HttpJson;

/** Roll-ups count what was due: work done ahead of its day does not hide work left undone; unknown plans and units are said to be unknown. */
class RollupTest extends HonQuanIntegrationTest {

    @Autowired
    UnitDirectoryView directory;

    @Test
    void aUnitsSubtreeIsTheUnitAndEveryUnitBelowItAndNoOther() {
        assertThat(directory.subtree(HonQuanPlan.DISTRICT)).extracting(KnownUnit::code).as("Hớn Quản, its six offices and three communes; not Lộc Ninh's")
                .hasSize(10).contains(HonQuanPlan.DISTRICT, HonQuanPlan.CULTURE_OFFICE, "25357").doesNotContain("691", "25216", "70");
    }

    @Test
    void workDoneAheadOfItsDayDoesNotLiftTheShareOfDueWorkDone() {
        String plan = quarterlyPlan();
        List<String> quarters = api.ok(api.get("/api/tasks?planId=" + plan)).get("content").valueStream().map(o -> o.get("id").asString())
                .toList();
        clock.setDate(LocalDate.of(2023, 4, 10));

        progress(quarters.get(1), "2023-04-09");
        JsonNode early = unitRollup(plan);
        assertThat(early.get("doneOnTime").asLong()).isEqualTo(1);
        assertThat(early.get("due").asLong()).as("only the first quarter is due").isEqualTo(1);
        assertThat(early.get("doneShare").asDouble()).as("and it is not done").isZero();

        progress(quarters.get(0), "2023-04-10");
        JsonNode caughtUp = unitRollup(plan);
        assertThat(caughtUp.get("doneLate").asLong()).isEqualTo(1);
        assertThat(caughtUp.get("doneShare").asDouble()).isEqualTo(1.0);
        JsonNode district = api.ok(api.get("/api/rollups/plans/" + plan + "?underUnit=" + HonQuanPlan.DISTRICT)).get(0);
        assertThat(district.get("subtree").get("dueDone").asLong()).isEqualTo(1);
        assertThat(district.get("subtree").get("doneOnTime").asLong()).isEqualTo(1);
    }

    @Test
    void anUnknownPlanOrUnitIsNotFoundRatherThanAnEmptyRollup() {
        String plan = quarterlyPlan();

        assertThat(api.get("/api/rollups/plans/khong-co?underUnit=" + HonQuanPlan.DISTRICT).status().value()).isEqualTo(404);
        assertThat(api.get("/api/rollups/plans/" + plan + "?underUnit=khong-co").status().value()).isEqualTo(404);
        assertThat(api.get("/api/rollups/units/khong-co").status().value()).isEqualTo(404);
        var unknownPlan = api.get("/api/rollups/units/" + HonQuanPlan.HOME_AFFAIRS + "?planId=khong-co");
        assertThat(unknownPlan.status().value()).isEqualTo(404);
        assertThat(unknownPlan.body().get("detail").asString()).isEqualTo("Không tìm thấy kế hoạch 'khong-co'.");
        assertThat(api.ok(api.get("/api/rollups/units/" + HonQuanPlan.HOME_AFFAIRS + "?planId=" + plan)).get("notDue").asLong()).isEqualTo(4);
    }

    private String quarterlyPlan() {
        String planId = "rollup-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "12/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2023",
                2023, HonQuanPlan.DISTRICT, "UBND huyện Hớn Quản", "70", LocalDate.of(2023, 1, 5), "Nguyễn Văn Hạ", null, planId, null,
                List.of(new PlanActivity("đ", "Biên tập, phát hành Bản tin cải cách hành chính", "Mỗi quý 01 bản tin", List.of("Phòng Nội vụ"),
                        List.of(), "hàng quý")), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/tasks?planId=" + planId)).get("totalElements").asLong() == 4);
        return planId;
    }

    /** Recorded by an officer of Phòng Nội vụ, whose work it is. */
    private void progress(String occurrence, String doneOn) {
        HttpJson office = api.as(TestTokens.officerOf(HonQuanPlan.HOME_AFFAIRS));
        office.ok(office.post("/api/occurrences/" + occurrence + "/progress", Map.of("done", true, "doneOn", doneOn, "count", 1)));
    }

    private JsonNode unitRollup(String plan) {
        return api.ok(api.get("/api/rollups/units/" + HonQuanPlan.HOME_AFFAIRS + "?planId=" + plan));
    }
}
