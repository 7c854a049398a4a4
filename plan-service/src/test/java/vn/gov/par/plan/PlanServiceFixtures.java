package vn.gov.par.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.TestTokens;

/** Requests shaped like the real plans in shared/plans, for the tests that drive plan-service over HTTP. */
public final class PlanServiceFixtures {

    private PlanServiceFixtures() {
    }

    public static String hierarchy(String name) {
        try (var in = PlanServiceFixtures.class.getResourceAsStream("/hierarchies/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode importCsv(HttpJson api, String csv) {
        return api.ok(api.send("/api/units/import", MediaType.parseMediaType("text/csv"), csv));
    }

    public static Map<String, Object> content(String title, int year, LocalDate cascadeDue, List<String> agencyCodes) {
        Map<String, Object> cascade = new LinkedHashMap<>();
        cascade.put("dueDate", cascadeDue == null ? null : cascadeDue.toString());
        cascade.put("subordinateGovernments", true);
        cascade.put("ownAgencies", false);
        cascade.put("agencyCodes", agencyCodes);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("year", year);
        content.put("signer", "Nguyễn Văn Hạ");
        content.put("objectives", List.of("Tăng cường công tác thông tin, tuyên truyền nhằm nâng cao nhận thức, trách nhiệm của cán bộ quản lý các cấp."));
        content.put("topics", List.of(Map.of("area", "ADMINISTRATIVE_PROCEDURES", "text", "Kiểm soát thủ tục hành chính, cơ chế một cửa")));
        content.put("indicators", List.of("PAR_INDEX", "SIPAS", "DDCI"));
        content.put("activities", List.of(
                Map.of("label", "c", "content", "Đăng tin, bài tuyên truyền công tác cải cách hành chính, chuyển đổi số",
                        "product", "Mỗi tháng 01 bản tin", "leadUnits", List.of("Phòng Văn hóa - Thông tin huyện", "UBND các xã, thị trấn"),
                        "cooperatingUnits", List.of("Phòng Nội vụ"), "timeframe", "thường xuyên"),
                Map.of("label", "đ", "content", "Biên tập, in ấn phát hành Bản tin cải cách hành chính",
                        "product", "Bản tin", "leadUnits", List.of("Phòng Nội vụ"), "cooperatingUnits", List.of("UBND các xã, thị trấn"),
                        "timeframe", "hàng quý/2024")));
        content.put("reportingClause", "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả tuyên truyền cải cách hành chính "
                + "về UBND huyện (qua Phòng Văn hóa và Thông tin).");
        content.put("recipients", List.of("Sở Nội vụ (b/c)", "UBND các xã, thị trấn", "Lưu: VT"));
        content.put("cascade", cascade);
        return content;
    }

    /** Created by an officer of the issuing unit. */
    public static String createPlan(HttpJson api, String issuerCode, Map<String, Object> content) {
        HttpJson officer = api.as(TestTokens.officerOf(issuerCode));
        JsonNode plan = officer.ok(officer.post("/api/plans", Map.of("issuerCode", issuerCode, "content", content)));
        return plan.get("id").asString();
    }

    /**
     * Issued by a leader of the issuing unit, who confirms what names nobody: the fixture's activities name a district's
     * agencies and communes, and tests issue them as whichever unit they need (AssignmentPreviewTest reads them).
     */
    public static JsonNode issue(HttpJson api, String planId, String number) {
        HttpJson leader = api.as(TestTokens.leaderOf(issuerOf(api, planId)));
        return leader.ok(leader.post("/api/plans/" + planId + "/issue", Map.of("number", number, "confirmUnassigned", true)));
    }

    /** Revised by an officer of the issuing unit. */
    public static JsonNode revise(HttpJson api, JsonNode draft, Object content) {
        HttpJson officer = api.as(TestTokens.officerOf(draft.get("issuerCode").asString()));
        return officer.ok(officer.put("/api/plans/" + draft.get("id").asString() + "/content", content));
    }

    /** The unit that owns the plan: whose officials may change it. */
    public static String issuerOf(HttpJson api, String planId) {
        return api.ok(api.get("/api/plans/" + planId)).get("issuerCode").asString();
    }

    /** The draft plan-service prepared for a unit under a parent plan. */
    public static JsonNode draftOf(HttpJson api, String unitCode, String parentPlanId) {
        for (JsonNode plan : api.ok(api.get("/api/plans?issuerCode=" + unitCode + "&status=DRAFT&size=200")).get("content")) {
            if (parentPlanId.equals(plan.path("parentPlanId").asString(null))) {
                return plan;
            }
        }
        return null;
    }
}
