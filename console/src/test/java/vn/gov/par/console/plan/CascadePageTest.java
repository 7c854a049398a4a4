package vn.gov.par.console.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.util.HtmlUtils;

import vn.gov.par.console.testing.ConsolePageTest;

/**
 * Bình Phước's plan 96/KH-UBND on 10/03/2027: Hớn Quản issued on time and three of its communes are late; Lộc Ninh has
 * not issued and is late itself. plan-service answers one level at a time.
 */
class CascadePageTest extends ConsolePageTest {

    private static final String PROVINCE_LEVEL = """
            {"planId": "p1", "number": "96/KH-UBND", "title": "Thông tin, tuyên truyền cải cách hành chính năm 2027",
             "issuerCode": "70", "issuerName": "UBND tỉnh Bình Phước", "status": "ISSUED", "asOf": "2027-03-10",
             "total": {"total": 1250, "pending": 300, "drafted": 100, "issuedOnTime": 600, "issuedLate": 50, "overdue": 200,
                       "cancelled": 0, "completion": 0.52},
             "levels": [{"level": "DISTRICT", "counts": {"total": 11, "pending": 0, "drafted": 2, "issuedOnTime": 7, "issuedLate": 1,
                                                         "overdue": 1, "cancelled": 0, "completion": 0.7272}},
                        {"level": "COMMUNE", "counts": {"total": 1239, "pending": 300, "drafted": 98, "issuedOnTime": 593, "issuedLate": 49,
                                                        "overdue": 199, "cancelled": 0, "completion": 0.5181}}],
             "children": [
               {"obligationId": "o-691", "unitCode": "691", "unitName": "UBND huyện Lộc Ninh", "level": "DISTRICT", "kind": "GOVERNMENT",
                "dueDate": "2027-02-28", "status": "OVERDUE", "subPlanId": "d691", "subPlanNumber": null, "issuedOn": null,
                "below": {"total": 0, "pending": 0, "drafted": 0, "issuedOnTime": 0, "issuedLate": 0, "overdue": 0, "cancelled": 0,
                          "completion": 0}, "children": []},
               {"obligationId": "o-694", "unitCode": "694", "unitName": "UBND huyện Hớn Quản", "level": "DISTRICT", "kind": "GOVERNMENT",
                "dueDate": "2027-02-28", "status": "ISSUED_ON_TIME", "subPlanId": "d694", "subPlanNumber": "35/KH-UBND",
                "issuedOn": "2027-02-20",
                "below": {"total": 13, "pending": 0, "drafted": 0, "issuedOnTime": 9, "issuedLate": 1, "overdue": 3, "cancelled": 0,
                          "completion": 0.7692}, "children": []}]}""";

    private static final String DISTRICT_LEVEL = """
            {"planId": "d694", "number": "35/KH-UBND", "title": "Thông tin, tuyên truyền cải cách hành chính năm 2027 trên địa bàn huyện",
             "issuerCode": "694", "issuerName": "UBND huyện Hớn Quản", "status": "ISSUED", "asOf": "2027-03-10",
             "total": {"total": 2, "pending": 0, "drafted": 0, "issuedOnTime": 1, "issuedLate": 0, "overdue": 1, "cancelled": 0, "completion": 0.5},
             "levels": [{"level": "COMMUNE", "counts": {"total": 2, "pending": 0, "drafted": 0, "issuedOnTime": 1, "issuedLate": 0,
                                                        "overdue": 1, "cancelled": 0, "completion": 0.5}}],
             "children": [
               {"obligationId": "o-25320", "unitCode": "25320", "unitName": "UBND thị trấn Tân Khai", "level": "COMMUNE",
                "kind": "GOVERNMENT", "dueDate": "2027-03-06", "effectiveDueDate": "2027-03-08", "status": "OVERDUE", "subPlanId": "d25320",
                "below": {"total": 0, "pending": 0, "drafted": 0, "issuedOnTime": 0, "issuedLate": 0, "overdue": 0, "cancelled": 0,
                          "completion": 0}, "children": []},
               {"obligationId": "o-25327", "unitCode": "25327", "unitName": "UBND xã Thanh An", "level": "COMMUNE",
                "kind": "GOVERNMENT", "dueDate": "2027-03-05", "status": "ISSUED_ON_TIME", "subPlanId": "d25327",
                "subPlanNumber": "8/KH-UBND", "issuedOn": "2027-03-01",
                "below": {"total": 0, "pending": 0, "drafted": 0, "issuedOnTime": 0, "issuedLate": 0, "overdue": 0, "cancelled": 0,
                          "completion": 0}, "children": []}]}""";

    private static final String NOT_FOUND = """
            {"status": 404, "code": "not-found", "title": "Không tìm thấy", "detail": "Không tìm thấy kế hoạch 'x9'."}""";

    @BeforeEach
    void cascades() {
        services.answer("GET", "/api/plans/p1/cascade", PROVINCE_LEVEL, "depth=1");
        services.answer("GET", "/api/plans/d694/cascade", DISTRICT_LEVEL, "depth=1");
    }

    @Test
    void theProvinceSeesTheCountsPerLevelAndItsDistrictsEachWithWhatLiesBelowIt() throws Exception {
        String page = page(get("/plans/p1/cascade").with(signedIn.provinceLeader()), 200);

        assertThat(page).contains("Tình hình ban hành kế hoạch thực hiện", "Kế hoạch số 96/KH-UBND của UBND tỉnh Bình Phước",
                "Thông tin, tuyên truyền cải cách hành chính năm 2027", "10/03/2027");
        assertThat(page).containsPattern("Cấp huyện</th>\\s*<td>11</td>\\s*<td>7</td>\\s*<td>1</td>\\s*<td>2</td>\\s*<td>0</td>\\s*<td>1</td>\\s*<td>72,7 %</td>")
                .containsPattern("Cấp xã</th>\\s*<td>1.239</td>\\s*<td>593</td>")
                .containsPattern("Tổng số</th>\\s*<td>1.250</td>\\s*<td>600</td>\\s*<td>50</td>\\s*<td>100</td>\\s*<td>300</td>\\s*<td>200</td>\\s*<td>52 %</td>");
        assertThat(row(page, "694")).contains("UBND huyện Hớn Quản", "28/02/2027", "Đã ban hành đúng hạn", "35/KH-UBND", "20/02/2027",
                "13 đơn vị, 10 đã ban hành, 3 quá hạn chưa ban hành", ">Mở</a>", "href=\"/plans/d694/cascade\"",
                "hx-get=\"/plans/d694/cascade/nodes?depth=2\"");
        assertThat(openingTag(row(page, "694"))).doesNotContain("overdue");
        assertThat(row(page, "691")).contains("UBND huyện Lộc Ninh", "Quá hạn chưa ban hành").doesNotContain(">Mở</a>");
        assertThat(openingTag(row(page, "691"))).contains("class=\"overdue\"");
        assertThat(services.received("GET", "/api/plans/p1/cascade")).singleElement().satisfies(call -> {
            assertThat(call.query()).isEqualTo("depth=1");
            assertThat(call.authorization()).isEqualTo("Bearer token-of-tinh.lanhdao");
        });
    }

    @Test
    void openingADistrictAnswersItsCommunesRowsIndentedOneLevelDeeper() throws Exception {
        String rows = page(get("/plans/d694/cascade/nodes").param("depth", "2").with(signedIn.provinceLeader()), 200);

        assertThat(rows).doesNotContain("<html", "<table", "Theo cấp").startsWith("<tr");
        assertThat(row(rows, "25320")).contains("UBND thị trấn Tân Khai", "08/03/2027 (văn bản ghi 06/03/2027, ngày nghỉ)", "Quá hạn chưa ban hành",
                "padding-left: 2.0rem");
        assertThat(openingTag(row(rows, "25320"))).contains("class=\"overdue\"");
        assertThat(row(rows, "25327")).contains("UBND xã Thanh An", "8/KH-UBND", "01/03/2027");
        assertThat(services.received("GET", "/api/plans/d694/cascade")).singleElement()
                .satisfies(call -> assertThat(call.query()).isEqualTo("depth=1"));
    }

    @Test
    void theStatusFilterReachesTheServiceStaysChosenAndFollowsIntoTheUnitsOpened() throws Exception {
        String page = page(get("/plans/p1/cascade").param("status", "OVERDUE").with(signedIn.provinceLeader()), 200);

        assertThat(services.received("GET", "/api/plans/p1/cascade")).singleElement()
                .satisfies(call -> assertThat(call.query()).contains("depth=1", "status=OVERDUE"));
        assertThat(page).contains("<option value=\"OVERDUE\" selected=\"selected\">Quá hạn chưa ban hành</option>");
        assertThat(row(page, "694")).contains("href=\"/plans/d694/cascade?status=OVERDUE\"",
                "hx-get=\"/plans/d694/cascade/nodes?status=OVERDUE&depth=2\"");

        page(get("/plans/d694/cascade/nodes").param("status", "OVERDUE").param("depth", "2").with(signedIn.provinceLeader()), 200);
        assertThat(services.received("GET", "/api/plans/d694/cascade")).singleElement()
                .satisfies(call -> assertThat(call.query()).contains("status=OVERDUE"));
    }

    @Test
    void aStatusTheServiceDoesNotKnowIsNotSentOn() throws Exception {
        page(get("/plans/p1/cascade").param("status", "QUA_HAN").with(signedIn.provinceLeader()), 200);

        assertThat(services.received("GET", "/api/plans/p1/cascade")).singleElement()
                .satisfies(call -> assertThat(call.query()).isEqualTo("depth=1"));
    }

    @Test
    void aPlanTheServiceDoesNotShowIsAPlainNotFoundAndOpeningSuchAUnitSaysSoInItsRow() throws Exception {
        services.answer("GET", "/api/plans/x9/cascade", 404, NOT_FOUND);

        String page = page(get("/plans/x9/cascade").with(signedIn.communeOfficer()), 404);
        assertThat(page).contains("Không tìm thấy", "Không tìm thấy kế hoạch 'x9'.");

        String rows = page(get("/plans/x9/cascade/nodes").param("depth", "3").with(signedIn.communeOfficer()), 200);
        assertThat(rows).startsWith("<tr").contains("Không tìm thấy kế hoạch 'x9'.", "padding-left: 3.5rem").doesNotContain("<html");
    }

    @Test
    void aPlanWithNoUnitBelowSaysSoInsteadOfEmptyTables() throws Exception {
        services.answer("GET", "/api/plans/d25327/cascade", """
                {"planId": "d25327", "number": "8/KH-UBND", "title": "Kế hoạch của xã Thanh An", "issuerName": "UBND xã Thanh An",
                 "asOf": "2027-03-10", "total": {"total": 0, "pending": 0, "drafted": 0, "issuedOnTime": 0, "issuedLate": 0, "overdue": 0,
                 "cancelled": 0, "completion": 0}, "levels": [], "children": []}""", "depth=1");

        String page = page(get("/plans/d25327/cascade").with(signedIn.communeOfficer()), 200);

        assertThat(page).contains("Chưa có đơn vị nào phải ban hành kế hoạch thực hiện kế hoạch này.").doesNotContain("id=\"levels\"");
    }

    /** The row of a unit, from its opening tag to its end. */
    private static String row(String page, String unitCode) {
        Matcher row = Pattern.compile("<tr[^>]*data-unit=\"" + unitCode + "\"[^>]*>[\\s\\S]*?</tr>").matcher(page);
        assertThat(row.find()).as("a row for unit " + unitCode).isTrue();
        return row.group();
    }

    private static String openingTag(String row) {
        return row.substring(0, row.indexOf('>') + 1);
    }

    private String page(RequestBuilder request, int expectedStatus) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString())
                .strip();
    }
}
