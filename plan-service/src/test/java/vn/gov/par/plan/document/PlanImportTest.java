package vn.gov.par.plan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.TestTokens;

/**
 * Huyện Hớn Quản's officer uploads its plan, written in Word or kept as text, and gets a draft to review: the document's
 * own number and date, what was read and where, and the names the directory does not know. A file that is no plan,
 * or that the officer may not import for that unit, changes nothing.
 */
@PlatformIntegrationTest
class PlanImportTest {

    /** A province of its own, so what other tests of this context add shows nowhere here. */
    private static final String HIERARCHY = """
            code,name,level,kind,parentCode
            TW,Chính phủ,CENTRAL,GOVERNMENT,
            93,UBND tỉnh Bình Phước (nhập văn bản),PROVINCE,GOVERNMENT,TW
            931,UBND huyện Hớn Quản,DISTRICT,GOVERNMENT,93
            931-VHTT,Phòng Văn hóa và Thông tin huyện Hớn Quản,DISTRICT,AGENCY,931
            931-NV,Phòng Nội vụ huyện Hớn Quản,DISTRICT,AGENCY,931
            931-DTH,Đài Truyền thanh - Truyền hình huyện Hớn Quản,DISTRICT,AGENCY,931
            93101,UBND thị trấn Tân Khai,COMMUNE,GOVERNMENT,931
            93102,UBND xã Thanh An,COMMUNE,GOVERNMENT,931
            932,UBND huyện Lộc Ninh,DISTRICT,GOVERNMENT,93
            """;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    HttpJson officer;

    @BeforeEach
    void setUp() {
        HttpJson api = HttpJson.onPort(port);
        importCsv(api, HIERARCHY);
        officer = api.as(TestTokens.officerOf("931"));
    }

    @Test
    void aWordPlanBecomesADraftOfItsIssuerWithItsOwnNumberAndDate() {
        HttpJson.Response response = officer.upload("/api/plan-imports", Map.of("issuerCode", "931"), "file", "ke-hoach-35.docx",
                PlanDocumentReaderTest.bytes("hon-quan-2025-phu-luc.docx"));

        assertThat(response.status().value()).isEqualTo(201);
        JsonNode imported = response.body();
        assertThat(imported.get("document").get("number").asString()).isEqualTo("35/KH-UBND");
        assertThat(imported.get("document").get("date").asString()).isEqualTo("2025-01-24");
        assertThat(imported.get("document").get("issuer").asString()).isEqualTo("ỦY BAN NHÂN DÂN HUYỆN HỚN QUẢN");
        JsonNode draft = officer.ok(officer.get("/api/plans/" + imported.get("planId").asString()));
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("issuerCode").asString()).isEqualTo("931");
        assertThat(draft.at("/content/title").asString()).isEqualTo("Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn huyện Hớn Quản");
        assertThat(draft.at("/content/activities")).extracting(a -> a.get("content").asString()).hasSize(4)
                .contains("Tổ chức Hội thi tuyên truyền cải cách hành chính");
        assertThat(draft.at("/content/cascade/dueDate").asString()).isEqualTo("2025-02-28");
        assertThat(draft.at("/content/cascade/dueAsWritten").asString()).isEqualTo("chậm nhất trong tháng 02/2025");
        assertThat(findings(imported, "title")).singleElement().satisfies(f -> {
            assertThat(f.get("reading").asString()).isEqualTo("READ");
            assertThat(f.get("source").asString()).isEqualTo("đoạn 2");
        });

        JsonNode again = officer.ok(officer.get("/api/plan-imports/" + imported.get("planId").asString()));
        assertThat(again.get("findings")).as("the review, read again later").isEqualTo(imported.get("findings"));
        assertThat(again.get("fileName").asString()).isEqualTo("ke-hoach-35.docx");
        assertThat(HttpJson.onPort(port).as(TestTokens.officerOf("932")).get("/api/plan-imports/" + imported.get("planId").asString())
                .status().value()).as("nor to a unit that may not read the draft").isEqualTo(404);
    }

    @Test
    void theDistrictsOfficerConfirmsWhatWasLookedAtAndNobodyElseDoes() {
        String planId = officer.ok(officer.upload("/api/plan-imports", Map.of("issuerCode", "931"), "file", "ke-hoach.md",
                PlanDocumentReaderTest.bytes("hon-quan-2024.md"))).get("planId").asString();
        String path = "/api/plan-imports/" + planId + "/confirmations";
        HttpJson api = HttpJson.onPort(port);

        assertThat(api.as(TestTokens.leaderOf("93")).post(path, Map.of("fields", List.of("document.number"))).status().value())
                .as("the province sees the draft, but the review is the district's").isEqualTo(403);
        assertThat(api.as(TestTokens.officerOf("932")).post(path, Map.of("fields", List.of("document.number"))).status().value())
                .as("a neighbour does not see it").isEqualTo(404);
        JsonNode unknown = officer.post(path, Map.of("fields", List.of("document.number", "khong.co"))).body();
        assertThat(unknown.get("code").asString()).isEqualTo("unknown-finding");
        assertThat(officer.ok(officer.get("/api/plan-imports/" + planId)).get("confirmed")).as("nothing confirmed by the refusals").isEmpty();

        officer.ok(officer.post(path, Map.of("fields", List.of("document.number", "activities[0].cooperatingUnits"))));
        JsonNode again = officer.ok(officer.post(path, Map.of("fields", List.of("document.number"))));

        assertThat(again.get("confirmed")).extracting(c -> c.get("field").asString() + " " + c.at("/by/by/unitCode").asString())
                .containsExactly("document.number 931", "activities[0].cooperatingUnits 931");
    }

    @Test
    void aTextPlanTypedWithoutDiacriticsImportsAndNamesWhatTheDirectoryLacks() {
        byte[] typed = PlanDocumentReaderTest.stripped(new String(PlanDocumentReaderTest.bytes("hon-quan-2024.md"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);

        JsonNode imported = officer.ok(officer.upload("/api/plan-imports", Map.of("issuerCode", "931"), "file", "ke-hoach.md", typed));

        assertThat(imported.get("original").asString()).as("a text plan is kept to be shown beside what was read")
                .isEqualTo(new String(typed, StandardCharsets.UTF_8));
        JsonNode draft = officer.ok(officer.get("/api/plans/" + imported.get("planId").asString()));
        assertThat(draft.at("/content/title").asString()).isEqualTo("Thong tin, tuyen truyen cai cach hanh chinh nam 2024 tren dia ban huyen Hon Quan");
        assertThat(draft.at("/content/activities")).hasSize(10);
        assertThat(findings(imported, "title")).singleElement().satisfies(f -> assertThat(f.get("reading").asString())
                .isEqualTo("READ_WITHOUT_DIACRITICS"));
        assertThat(findings(imported, "activities[0].cooperatingUnits")).as("Trung tâm Văn hóa - Thể thao is not in the directory")
                .filteredOn(f -> f.get("reading").asString().equals("NOT_UNDERSTOOD")).singleElement()
                .satisfies(f -> assertThat(f.get("note").asString()).contains("trung tam van hoa the thao huyen"));
        assertThat(findings(imported, "activities[3].timeframe")).singleElement().satisfies(f -> {
            assertThat(f.get("value").asString()).isEqualTo("trong nam 2024");
            assertThat(f.get("note").asString()).as("the deadline it will give").isEqualTo("Hạn: 31/12/2024.");
        });
    }

    @Test
    void aFileThatIsNoPlanDocumentIsRefusedAndNothingIsStored() {
        RefusalProbe probe = new RefusalProbe(RawHttp.onPort(port), mongo, List.of(Topics.PLAN_EVENTS), List.of()).as(TestTokens.officerOf("931"));

        assertRefused(probe, "empty.docx", new byte[0], 422, "document-empty");
        assertRefused(probe, "ke-hoach.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 422, "unsupported-document-type");
        assertRefused(probe, "hong.docx", "PK\u0003\u0004 không phải docx".getBytes(StandardCharsets.UTF_8), 422, "document-damaged");
        assertRefused(probe, "mat-khau.docx", withPassword(PlanDocumentReaderTest.bytes("hon-quan-2025-phu-luc.docx"), "matkhau"), 422,
                "document-protected-or-old");
        assertRefused(probe, "ke-hoach.txt", "KÊ HOACH nam 2025".getBytes(StandardCharsets.ISO_8859_1), 422, "document-not-text");
        assertRefused(probe, "cong-van.txt", "Kính gửi: UBND các xã.\nĐề nghị báo cáo trước ngày 20/3.".getBytes(StandardCharsets.UTF_8), 422,
                "not-a-plan");
        RawHttp.Response neighbour = new RefusalProbe(RawHttp.onPort(port), mongo, List.of(Topics.PLAN_EVENTS), List.of())
                .as(TestTokens.officerOf("932")).refused("Lộc Ninh's officer, for Hớn Quản",
                        multipart("ke-hoach-35.docx", PlanDocumentReaderTest.bytes("hon-quan-2025-phu-luc.docx")));
        assertThat(neighbour.status()).isEqualTo(403);
        RawHttp.Response tooLarge = probe.refused("a file over 16 MiB", multipart("lon.docx", new byte[16 * 1024 * 1024 + 1]));
        assertThat(tooLarge.status()).isEqualTo(413);
    }

    private static void assertRefused(RefusalProbe probe, String fileName, byte[] content, int status, String code) {
        RawHttp.Response refused = probe.refused(fileName, multipart(fileName, content));
        assertThat(refused.status()).as(fileName).isEqualTo(status);
        assertThat(refused.json().get("code").asString()).as(fileName).isEqualTo(code);
        assertThat(refused.json().get("detail").asString()).as("in Vietnamese, naming the file").contains(fileName);
    }

    /** The Word plan as Word saves it with a password: encrypted inside an OLE2 container (ECMA-376 agile encryption). */
    private static byte[] withPassword(byte[] docx, String password) {
        try (POIFSFileSystem container = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream encrypted = encryptor.getDataStream(container)) {
                encrypted.write(docx);
            }
            container.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RawHttp.Request multipart(String fileName, byte[] content) {
        return RawHttp.Request.upload("/api/plan-imports?issuerCode=931", fileName, content);
    }

    private static List<JsonNode> findings(JsonNode imported, String field) {
        return imported.get("findings").valueStream().filter(f -> f.get("field").asString().equals(field)).toList();
    }
}
