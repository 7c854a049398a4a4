package vn.gov.par.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import vn.gov.par.console.testing.ConsolePageTest;

class ReportRollupPageTest extends ConsolePageTest {

    @Test
    void showsThePeriodPerUnitBelowWithTheWordDocumentLink() throws Exception {
        services.answer("GET", "/api/plans", ReportPagesTest.page("""
                {"id": "p2", "issuerCode": "694", "issuerName": "UBND huyện Hớn Quản", "parentPlanId": "p1", "rootPlanId": "p1",
                 "status": "ISSUED", "number": "35/KH-UBND", "content": {"title": "Kế hoạch thông tin, tuyên truyền CCHC năm 2027", "year": 2027}}"""),
                "issuerCode=694", "status=ISSUED");
        services.answer("GET", "/api/rollups/reports", ROLLUP, "unitCode=694", "rootPlanId=p1", "periodType=HALF_YEAR");

        String page = mvc.perform(get("/reports/rollup").param("rootPlanId", "p1").param("periodType", "HALF_YEAR")
                        .with(signedIn.districtLeader()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Tổng hợp báo cáo", "6 tháng đầu năm 2027", "35/KH-UBND · Kế hoạch thông tin, tuyên truyền CCHC năm 2027")
                .contains("01/01/2027", "30/06/2027")
                .contains("50 %", "75 %")
                .contains("Huyện Hớn Quản", "(đơn vị mình)", "Xã Thanh An", "Xã Tân Khai", "Xã Minh Đức")
                .contains("Nộp đúng hạn", "Nộp trễ hạn", "Chưa nộp", "09:30 18/06/2027")
                .contains("<option value=\"HALF_YEAR\" selected=\"selected\">6 tháng</option>", "Quý I", "Quý II", "Quý III", "Quý IV", "9 tháng", "Năm")
                .contains("href=\"/api/rollups/reports.docx?unitCode=694&amp;rootPlanId=p1&amp;periodType=HALF_YEAR\"", "Tải về .docx")
                .contains("Tin, bài đăng trên trang/cổng thông tin điện tử", "1.234");
        // Owed to the district: its two communes, both on time; its own report to the province, late; the whole area with the
        // village report owed to Tân Khai.
        assertThat(page).containsPattern("Các đơn vị phải nộp về Huyện Hớn Quản</th>\\s*<td>2</td>\\s*<td>2</td>\\s*<td>0</td>\\s*<td>0</td>\\s*<td>0</td>\\s*<td>100 %</td>")
                .containsPattern("Của Huyện Hớn Quản gửi cấp trên</th>\\s*<td>1</td>\\s*<td>0</td>\\s*<td>1</td>")
                .containsPattern("Toàn bộ trên địa bàn, kể cả báo cáo gửi các đơn vị cấp dưới</th>\\s*<td>4</td>\\s*<td>2</td>\\s*<td>1</td>\\s*<td>0</td>\\s*<td>1</td>\\s*<td>50 %</td>\\s*<td>75 %</td>");
        // Per child unit: Thanh An (1 of 1 submitted, 100 %), Tân Khai with Minh Đức below it (1 of 2, 50 %).
        assertThat(page).containsPattern("Xã Tân Khai</a>[\\s\\S]*?<td>2</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>0</td>\\s*<td>0</td>\\s*<td>1</td>\\s*<td>50 %</td>")
                .containsPattern("Xã Thanh An</a>[\\s\\S]*?<td>1</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>0</td>\\s*<td>0</td>\\s*<td>0</td>\\s*<td>100 %</td>");
        assertThat(services.received("GET", "/api/rollups/reports")).singleElement().satisfies(call -> {
            assertThat(call.query()).contains("unitCode=694", "rootPlanId=p1", "periodType=HALF_YEAR");
            assertThat(call.authorization()).isEqualTo("Bearer token-of-honquan.lanhdao");
        });
    }

    @Test
    void withoutAPlanChosenTheUnitsFirstIssuedCascadeIsRolledUp() throws Exception {
        services.answer("GET", "/api/plans", ReportPagesTest.page("""
                {"id": "p2", "issuerCode": "694", "parentPlanId": "p1", "rootPlanId": "p1", "status": "ISSUED", "number": "35/KH-UBND",
                 "content": {"title": "Kế hoạch CCHC năm 2027", "year": 2027}}"""), "issuerCode=694", "status=ISSUED");
        services.answer("GET", "/api/rollups/reports", 404, """
                {"status": 404, "code": "not-found", "title": "Không tìm thấy", "detail": "Không có báo cáo nào của kỳ Quý I được yêu cầu từ đơn vị 694."}""");

        String page = mvc.perform(get("/reports/rollup").param("periodType", "Q1").with(signedIn.districtOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Không có báo cáo nào để tổng hợp", "Không có báo cáo nào của kỳ Quý I được yêu cầu từ đơn vị 694.")
                .doesNotContain("Tải về .docx");
        assertThat(services.received("GET", "/api/rollups/reports")).singleElement()
                .satisfies(call -> assertThat(call.query()).contains("rootPlanId=p1", "periodType=Q1"));
    }

    @Test
    void aUnitBelowLeadsToItsOwnRollUpAndTheWayBack() throws Exception {
        services.answer("GET", "/api/plans", ReportPagesTest.page(), "issuerCode=70", "status=ISSUED");
        services.answer("GET", "/api/rollups/reports", ROLLUP, "unitCode=694", "rootPlanId=p1", "periodType=HALF_YEAR");

        String page = mvc.perform(get("/reports/rollup").param("rootPlanId", "p1").param("periodType", "HALF_YEAR").param("unitCode", "694")
                        .with(signedIn.provinceLeader()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"/reports/rollup?rootPlanId=p1&amp;periodType=HALF_YEAR&amp;unitCode=25327\"", "id=\"back-to-own-unit\"",
                "href=\"/api/rollups/reports.docx?unitCode=694&amp;rootPlanId=p1&amp;periodType=HALF_YEAR\"");
        assertThat(services.received("GET", "/api/rollups/reports")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer token-of-tinh.lanhdao"));
    }

    @Test
    void theRatesPageShowsEveryPeriodOfThePlanYearAndLeadsToEachRollUp() throws Exception {
        services.answer("GET", "/api/plans", ReportPagesTest.page("""
                {"id": "p2", "issuerCode": "694", "parentPlanId": "p1", "rootPlanId": "p1", "status": "ISSUED", "number": "35/KH-UBND",
                 "content": {"title": "Kế hoạch CCHC năm 2027", "year": 2027}}"""), "issuerCode=694", "status=ISSUED");
        services.answer("GET", "/api/rollups/reports", 404, """
                {"status": 404, "code": "not-found", "title": "Không tìm thấy", "detail": "Không có báo cáo nào của kỳ này."}""");
        services.answer("GET", "/api/rollups/reports", ROLLUP, "periodType=HALF_YEAR");

        String page = mvc.perform(get("/reports/rates").with(signedIn.districtLeader())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).as("what is owed to the district: both communes, on time").contains("Tỷ lệ và tính kịp thời của báo cáo", "6 tháng đầu năm 2027", "100 %", "Quý I", "Năm",
                "Không có báo cáo nào của kỳ này.", "href=\"/reports/rollup?rootPlanId=p1&amp;periodType=HALF_YEAR&amp;unitCode=694\"");
        assertThat(services.received("GET", "/api/rollups/reports")).hasSize(7)
                .allSatisfy(call -> assertThat(call.query()).contains("unitCode=694", "rootPlanId=p1"));
    }

    static final String ROLLUP = """
            {"unitCode": "694", "unitName": "Huyện Hớn Quản", "rootPlanId": "p1", "planNumber": "35/KH-UBND",
             "planTitle": "Kế hoạch thông tin, tuyên truyền CCHC năm 2027", "periodType": "HALF_YEAR", "periodName": "6 tháng đầu năm 2027",
             "periodFrom": "2027-01-01", "periodTo": "2027-06-30", "asOf": "2027-06-30",
             "ownIndicators": {"newsArticles": 1000}, "belowIndicators": {"newsArticles": 234}, "totals": {"newsArticles": 1234},
             "owedToUnit": {"expected": 2, "onTime": 2, "late": 0, "returned": 0, "missing": 0, "onTimeRate": 1.0, "completeness": 1.0},
             "own": {"expected": 1, "onTime": 0, "late": 1, "returned": 0, "missing": 0, "onTimeRate": 0.0, "completeness": 1.0},
             "subtree": {"expected": 4, "onTime": 2, "late": 1, "returned": 0, "missing": 1, "onTimeRate": 0.5, "completeness": 0.75},
             "units": [
               {"unitCode": "694", "unitName": "Huyện Hớn Quản", "level": "DISTRICT", "depth": 0, "recipientUnitCode": "70", "periodType": "HALF_YEAR",
                "submission": "LATE", "status": "ACCEPTED", "dueDate": "2027-06-20", "submittedAt": "2027-06-25T02:30:00Z"},
               {"unitCode": "25327", "unitName": "Xã Thanh An", "level": "COMMUNE", "depth": 1, "periodType": "Q2",
                "submission": "ON_TIME", "status": "SUBMITTED", "dueDate": "2027-06-20", "submittedAt": "2027-06-18T02:30:00Z"},
               {"unitCode": "25330", "unitName": "Xã Tân Khai", "level": "COMMUNE", "depth": 1, "periodType": "Q2",
                "submission": "ON_TIME", "status": "ACCEPTED", "dueDate": "2027-06-20", "submittedAt": "2027-06-17T02:30:00Z"},
               {"unitCode": "25331", "unitName": "Xã Minh Đức", "level": "VILLAGE", "depth": 2, "periodType": "Q2",
                "submission": "MISSING", "status": "EXPECTED", "dueDate": "2027-06-20", "submittedAt": null}]}""";
}
