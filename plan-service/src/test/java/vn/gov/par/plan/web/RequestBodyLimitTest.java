package vn.gov.par.plan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;

/**
 * A body over its limit is refused with 413 and a Vietnamese problem, whether its length is declared or it streams in
 * chunks, and nothing of it is stored; an import may be larger than any JSON request (1 MiB against 16 MiB by default).
 */
@PlatformIntegrationTest
class RequestBodyLimitTest {

    private static final int MIB = 1024 * 1024;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    RawHttp http;
    RefusalProbe probe;

    @BeforeEach
    void setUp() {
        http = RawHttp.onPort(port);
        probe = new RefusalProbe(http, mongo, List.of(Topics.PLAN_EVENTS, Topics.UNIT_EVENTS), List.of());
    }

    @Test
    void aJsonBodyOverOneMebibyteIsRefusedWhetherItsLengthIsDeclaredOrNot() {
        RawHttp.Request plan = RawHttp.Request.json("POST", "/api/plans", planWithTitleOf(MIB));

        assertTooLarge(http.send(plan), plan, "1.048.576");
        assertTooLarge(http.sendChunked(plan), plan, "1.048.576");
        probe.send("the same request, refused again", plan);
    }

    @Test
    void anImportMayBeLargerThanAJsonRequestButNotWithoutLimit() {
        RawHttp.Request twoMebibytes = csvImport(2 * MIB);
        assertThat(http.sendChunked(twoMebibytes).status()).as("read in full, then judged on its rows").isEqualTo(422);

        RawHttp.Request overSixteen = csvImport(16 * MIB + 1024);
        assertTooLarge(http.sendChunked(overSixteen), overSixteen, "16.777.216");
    }

    private static void assertTooLarge(RawHttp.Response response, RawHttp.Request request, String limit) {
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo("body-too-large");
        assertThat(problem.get("title").asString()).isEqualTo("Nội dung yêu cầu quá lớn");
        assertThat(problem.get("detail").asString()).as(request.method() + " " + request.path())
                .isEqualTo("Nội dung gửi lên quá lớn: tối đa " + limit + " byte. Hãy chia nhỏ dữ liệu rồi gửi lại.");
    }

    private static String planWithTitleOf(int bytes) {
        return "{\"issuerCode\": \"70\", \"content\": {\"year\": 2027, \"title\": \"" + "ư".repeat(bytes / 2) + "\"}}";
    }

    /** A units CSV of about the given size whose one row has a level that does not exist: refused on its content, if read. */
    private static RawHttp.Request csvImport(int bytes) {
        String csv = "code,name,level,kind,parentCode\n99-QUA-DAI," + "a".repeat(bytes) + ",KHONG-CO,GOVERNMENT,\n";
        return new RawHttp.Request("POST", "/api/units/import", "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8));
    }
}
