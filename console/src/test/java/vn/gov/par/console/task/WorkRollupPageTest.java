package vn.gov.par.console.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import vn.gov.par.console.testing.ConsolePageTest;

class WorkRollupPageTest extends ConsolePageTest {

    private static final String CHILDREN = """
            [{"code": "25327", "name": "Xã Thanh An", "level": "COMMUNE", "kind": "GOVERNMENT", "parentCode": "694"},
             {"code": "25330", "name": "Xã An Khương", "level": "COMMUNE", "kind": "GOVERNMENT", "parentCode": "694"}]""";

    @Test
    void showsEachChildUnitsWorkDoneOnTimeLateOverdueNotDueAndTheShareDone() throws Exception {
        services.answer("GET", "/api/units/694/children", CHILDREN);
        services.answer("GET", "/api/rollups/units/25327", counts(4, 2, 5, 1, 0, 8, 6, 0.75));
        services.answer("GET", "/api/rollups/units/25330", counts(6, 0, 0, 0, 0, 0, 0, null));
        services.answer("GET", "/api/rollups/units/694", counts(1, 1, 2, 0, 1, 3, 2, 0.6666666));

        String page = mvc.perform(get("/tasks/rollup").with(signedIn.districtLeader())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("Tổng hợp nhiệm vụ theo đơn vị trực thuộc", "Mọi kế hoạch")
                .containsSubsequence("Xã Thanh An", "<td>5</td>", "<td>1</td>", "<td>2</td>", "<td>4</td>", "<td>0</td>", "75 % (6/8)")
                .containsSubsequence("Xã An Khương", "<td>0</td>", "<td>0</td>", "<td>0</td>", "<td>6</td>", "<td>0</td>", "<td>—</td>")
                .containsSubsequence("Huyện Hớn Quản", "(riêng đơn vị tôi)", "66,7 % (2/3)")
                .contains("href=\"/tasks?unitCode=25327\"");
        assertThat(services.received("GET", "/api/rollups/units/25327")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer token-of-honquan.lanhdao"));
    }

    @Test
    void forOnePlanEachChildCountsWithTheUnitsBelowItAndAChildWithoutWorkIsListedToo() throws Exception {
        services.answer("GET", "/api/units/70/children", """
                [{"code": "694", "name": "Huyện Hớn Quản", "level": "DISTRICT"}, {"code": "689", "name": "Thành phố Đồng Xoài", "level": "DISTRICT"}]""");
        services.answer("GET", "/api/plans/p1", """
                {"id": "p1", "issuerCode": "70", "issuerName": "UBND tỉnh Bình Phước", "status": "ISSUED", "number": "96/KH-UBND",
                 "content": {"title": "Kế hoạch thông tin, tuyên truyền CCHC năm 2027", "year": 2027}}""");
        services.answer("GET", "/api/rollups/plans/p1", """
                [{"unitCode": "70", "unitName": "Tỉnh Bình Phước", "level": "PROVINCE", "own": %s, "subtree": %s},
                 {"unitCode": "694", "unitName": "Huyện Hớn Quản", "level": "DISTRICT", "own": %s, "subtree": %s},
                 {"unitCode": "25327", "unitName": "Xã Thanh An", "level": "COMMUNE", "own": %s, "subtree": %s}]"""
                .formatted(counts(0, 0, 3, 0, 0, 3, 3, 1.0), counts(2, 3, 12, 1, 0, 16, 13, 0.8125),
                        counts(1, 1, 4, 0, 0, 5, 4, 0.8), counts(2, 3, 9, 1, 0, 13, 10, 0.769),
                        counts(1, 2, 5, 1, 0, 8, 6, 0.75), counts(1, 2, 5, 1, 0, 8, 6, 0.75)), "underUnit=70");

        String page = mvc.perform(get("/tasks/rollup").param("planId", "p1").with(signedIn.provinceLeader())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("96/KH-UBND", "mỗi đơn vị gồm cả các đơn vị cấp dưới")
                .containsSubsequence("Huyện Hớn Quản", "<td>9</td>", "<td>1</td>", "<td>3</td>", "<td>2</td>", "76,9 % (10/13)")
                .containsSubsequence("Thành phố Đồng Xoài", "<td>0</td>", "<td>—</td>")
                .containsSubsequence("Tỉnh Bình Phước", "(riêng đơn vị tôi)", "<td>3</td>", "100 % (3/3)")
                .doesNotContain(">Xã Thanh An<")
                .contains("href=\"/tasks?unitCode=694&amp;subtree=true\"");
    }

    @Test
    void aCommuneHasNoUnitBelowIt() throws Exception {
        services.answer("GET", "/api/units/25327/children", "[]");
        services.answer("GET", "/api/rollups/units/25327", counts(1, 0, 2, 0, 0, 2, 2, 1.0));

        String page = mvc.perform(get("/tasks/rollup").with(signedIn.communeOfficer())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("Đơn vị không có đơn vị trực thuộc.", "(riêng đơn vị tôi)", "100 % (2/2)");
    }

    private static String counts(long notDue, long overdue, long doneOnTime, long doneLate, long onDemand, long due, long dueDone,
            Double share) {
        return """
                {"notDue": %d, "overdue": %d, "doneOnTime": %d, "doneLate": %d, "onDemand": %d, "due": %d, "dueDone": %d, "doneShare": %s}"""
                .formatted(notDue, overdue, doneOnTime, doneLate, onDemand, due, dueDone, share);
    }
}
