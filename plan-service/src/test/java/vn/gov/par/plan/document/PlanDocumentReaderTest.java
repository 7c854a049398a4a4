package vn.gov.par.plan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.gov.par.plan.plan.Activity;
import vn.gov.par.plan.plan.ParArea;
import vn.gov.par.plan.plan.PerformanceIndex;
import vn.gov.par.plan.plan.PlanContent;
import vn.gov.par.support.reporting.ReportingRules;

/**
 * Real plans read as officials wrote them: huyện Hớn Quản's 2024 plan (Markdown, key activities with their lead,
 * cooperating units and timeframe under each), xã Dương Quan's (text copied out of a PDF, every line broken at the page's
 * width; its activities are the duties under "Tổ chức thực hiện"), thị xã Đông Hòa's 2022 plan, and a Word plan made by
 * LibreOffice from an HTML rendering, with its header in a table and its activities in an appendix table continued over a
 * page. The same texts typed without diacritics read the same.
 */
class PlanDocumentReaderTest {

    /** Decree 09/2019/NĐ-CP, as every service reads reporting clauses by default. */
    static final ReportingRules RULES = new ReportingRules(20, 14);

    @Test
    void aDistrictPlanGivesItsKeyActivitiesWithWhoLeadsWhoHelpsAndWhen() {
        PlanReading reading = readText("hon-quan-2024.md");
        PlanContent plan = reading.content();

        assertThat(plan.title()).isEqualTo("Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn huyện Hón Quản");
        assertThat(plan.year()).isEqualTo(2024);
        assertThat(reading.document().place()).isEqualTo("Hón Quản");
        assertThat(reading.document().number()).as("a draft not yet numbered: \"Số: /KH-UBND\"").isNull();
        assertThat(reading.findings()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo("document.number");
            assertThat(f.reading()).isEqualTo(Finding.Reading.NOT_UNDERSTOOD);
            assertThat(f.value()).isEqualTo("/KH-UBND");
        });
        assertThat(plan.basis()).startsWith("Thực hiện Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh")
                .contains("\nXét đề nghị của trưởng Phòng Văn hóa - Thông tin tại Tờ trình số 435/TTr-PVHTT");
        assertThat(plan.activities()).extracting(Activity::label).containsExactly("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k");
        Activity contest = plan.activities().get(3);
        assertThat(contest.content()).isEqualTo("Tổ chức Hội thi tuyên truyền Cải cách hành chính");
        assertThat(contest.leadUnits()).containsExactly("Phòng Văn hóa - Thông tin huyện");
        assertThat(contest.cooperatingUnits()).containsExactly("các cơ quan, ban, ngành huyện; UBND các xã, thị trấn");
        assertThat(contest.timeframe()).isEqualTo("trong năm 2024");
        assertThat(plan.activities().get(4).timeframe()).isEqualTo("hàng quý/2024");
        assertThat(plan.reportingClause()).isEqualTo("Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả tuyên truyền cải cách "
                + "hành chính về UBND huyện (qua Phòng Văn hóa và Thông tin).");
        assertThat(reading.findings()).filteredOn(f -> f.field().equals("reportingClause")).singleElement().satisfies(f -> assertThat(f.note())
                .as("the reports it will ask for, as report-service reads it").isEqualTo("Các báo cáo: Quý I/2024 (hạn 20/03/2024), "
                        + "6 tháng đầu năm 2024 (hạn 20/06/2024), 9 tháng đầu năm 2024 (hạn 20/09/2024), Năm 2024 (hạn 20/12/2024). "
                        + "Gửi qua Phòng Văn hóa và Thông tin."));
        assertThat(plan.recipients()).containsExactly("Sở Nội vụ (b/c)", "Sở TT&TT (b/c)", "CT, các PCT.UBND huyện", "Thành viên BCĐ.CCHC huyện",
                "UBND các xã, thị trấn", "Đài Truyền thanh - Truyền hình");
        assertThat(plan.signer()).isEqualTo("Nguyễn Văn Hạ");
        assertThat(plan.indicators()).containsExactlyInAnyOrder(PerformanceIndex.PAR_INDEX, PerformanceIndex.SIPAS, PerformanceIndex.DDCI);
        assertThat(plan.objectives()).hasSize(5);
        assertThat(plan.requirements()).hasSize(3);
        assertThat(plan.audiences()).singleElement().asString().startsWith("Cán bộ, công chức, viên chức");
        assertThat(plan.topics()).extracting(t -> t.area()).contains(ParArea.INSTITUTIONS, ParArea.ADMINISTRATIVE_PROCEDURES,
                ParArea.DIGITAL_GOVERNMENT);
        assertThat(plan.communicationForms()).hasSize(5);
        assertThat(plan.funding()).startsWith("Nguồn kinh phí thực hiện");
        assertThat(plan.cascade().dueAsWritten()).as("it orders plans below without a deadline").isNull();
    }

    @Test
    void textCopiedOutOfAPdfIsJoinedBackIntoItsParagraphs() {
        PlanContent plan = readText("duong-quan-2024.txt").content();

        assertThat(plan.title()).isEqualTo("Tuyên truyền cải cách hành chính nhà nước năm 2024");
        assertThat(plan.basis()).startsWith("Thực hiện Quyết định số 381/QĐ-UBND ngày 17/01/2024 của UBND huyện ban hành Kế hoạch cải cách hành "
                + "chính nhà nước huyện Thủy Nguyên năm 2024 và Quyết định số 08/QĐ-UBND ngày 19/01/2024 của Ủy ban nhân dân xã Dương Quan");
        assertThat(plan.objectives().get(0)).startsWith("Nâng cao nhận thức, trách nhiệm của tập thể lãnh đạo, người đứng đầu, cán bộ, công chức")
                .contains("phát triển kinh tế - xã hội của xã");
        assertThat(plan.activities()).extracting(a -> a.leadUnits().get(0)).containsExactly("Văn phòng UBND xã", "Văn phòng UBND xã",
                "Công chức Tư pháp - Hộ tịch, Công chức Văn hóa - Xã hội", "Công chức Tư pháp - Hộ tịch, Công chức Văn hóa - Xã hội",
                "Công chức Tư pháp - Hộ tịch, Công chức Văn hóa - Xã hội", "Công chức Tư pháp - Hộ tịch, Công chức Văn hóa - Xã hội",
                "Công chức Tài chính - Kế toán");
        assertThat(plan.activities().get(6).content()).isEqualTo("Hướng dẫn các đơn vị liên quan lập dự toán và thực hiện thanh quyết toán theo quy định");
        assertThat(plan.recipients()).containsExactly("UBND huyện Thuỷ Nguyên", "Phòng VH&TT huyện", "TT Đảng uỷ, HĐND xã", "Chủ tịch, PCT UBND xã",
                "Các ban, ngành, thôn, đơn vị liên quan");
        assertThat(plan.signer()).isEqualTo("Bùi Văn Tiến");
        assertThat(plan.reportingClause()).isNull();
    }

    @Test
    void withoutKeyActivitiesEachUnitsDutiesAreItsActivitiesButNotTheReportingClauseOrTheClosing() {
        PlanReading reading = readText("dong-hoa-2022.md");
        PlanContent plan = reading.content();

        assertThat(plan.activities()).hasSize(16);
        assertThat(plan.activities()).extracting(a -> a.leadUnits().get(0)).startsWith("Các cơ quan, đơn vị, UBND các xã, phường")
                .contains("Phòng Nội vụ", "Phòng Tư pháp", "Trung tâm Văn hoá - Thể thao và Truyền thanh thị xã");
        assertThat(plan.activities()).extracting(Activity::content).noneMatch(c -> c.startsWith("Định kỳ 6 tháng") || c.startsWith("Trên đây"));
        assertThat(plan.reportingClause()).startsWith("Định kỳ 6 tháng, năm, báo cáo").contains("(qua Phòng Nội vụ)");
        assertThat(plan.activities().get(13).timeframe()).as("a duty that says when").isEqualTo("trong năm 2022");
        assertThat(reading.findings()).as("one that does not, to be set before issuing")
                .anyMatch(f -> f.field().equals("activities[0].timeframe") && f.reading() == Finding.Reading.MISSING);
        assertThat(plan.signer()).isEqualTo("Nguyễn Văn Tĩnh");
    }

    @Test
    void aWordPlanGivesItsHeaderFromItsTableAndItsActivitiesFromTheAppendixContinuedOverAPage() {
        PlanReading reading = PlanDocumentReader.read(WordDocuments.read("hon-quan-2025-phu-luc.docx", resource("hon-quan-2025-phu-luc.docx")), 2026,
                RULES);
        PlanContent plan = reading.content();

        assertThat(reading.document()).isEqualTo(new DocumentIdentity("35/KH-UBND", LocalDate.of(2025, 1, 24), "ỦY BAN NHÂN DÂN HUYỆN HỚN QUẢN",
                "Hớn Quản"));
        assertThat(reading.findings()).filteredOn(f -> f.field().equals("document.number")).singleElement()
                .satisfies(f -> assertThat(f.source()).isEqualTo("bảng 1, hàng 1, cột 1"));
        assertThat(plan.title()).isEqualTo("Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn huyện Hớn Quản");
        assertThat(plan.activities()).extracting(Activity::label, Activity::product, a -> a.leadUnits().get(0), Activity::timeframe).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "01 bộ ấn phẩm", "Phòng Văn hóa và Thông tin huyện", "Quý II/2025"),
                org.assertj.core.groups.Tuple.tuple("2", "01 hội thi", "Phòng Văn hóa và Thông tin huyện", "trong năm 2025"),
                org.assertj.core.groups.Tuple.tuple("3", "Mỗi quý 01 bản tin", "Phòng Nội vụ huyện", "hàng quý"),
                org.assertj.core.groups.Tuple.tuple("4", "Mỗi tháng 01 chuyên mục", "Đài Truyền thanh - Truyền hình huyện", "hàng tháng"));
        assertThat(reading.findings()).filteredOn(f -> f.field().equals("activities[1].content")).singleElement()
                .as("below the header and the group's title row, merged across the table")
                .satisfies(f -> assertThat(f.source()).isEqualTo("bảng 2, hàng 4, cột 2"));
        assertThat(plan.cascade().dueAsWritten()).isEqualTo("chậm nhất trong tháng 02/2025");
        assertThat(plan.cascade().dueDate()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(plan.reportingClause()).endsWith("(qua Phòng Văn hóa và Thông tin).");
        assertThat(plan.recipients()).containsExactly("Sở Nội vụ (b/c)", "UBND các xã, thị trấn");
        assertThat(plan.signer()).isEqualTo("Nguyễn Văn Hạ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hon-quan-2024.md", "duong-quan-2024.txt", "dong-hoa-2022.md"})
    void aPlanTypedWithoutDiacriticsReadsTheSameAndSaysSo(String name) {
        String text = new String(bytes(name), StandardCharsets.UTF_8);
        PlanReading withMarks = PlanDocumentReader.read(TextDocuments.read(text), 2026, RULES);
        PlanReading without = PlanDocumentReader.read(TextDocuments.read(stripped(text)), 2026, RULES);

        assertThat(without.content().title()).isEqualTo(stripped(withMarks.content().title()));
        assertThat(without.content().year()).isEqualTo(withMarks.content().year());
        assertThat(without.content().activities()).extracting(a -> stripped(a.content()), a -> stripped(String.join("|", a.leadUnits())),
                a -> a.timeframe() == null ? "" : stripped(a.timeframe())).containsExactlyElementsOf(withMarks.content().activities().stream()
                        .map(a -> org.assertj.core.groups.Tuple.tuple(stripped(a.content()), stripped(String.join("|", a.leadUnits())),
                                a.timeframe() == null ? "" : stripped(a.timeframe()))).toList());
        assertThat(without.content().reportingClause()).isEqualTo(withMarks.content().reportingClause() == null ? null
                : stripped(withMarks.content().reportingClause()));
        assertThat(without.content().recipients()).isEqualTo(withMarks.content().recipients().stream().map(PlanDocumentReaderTest::stripped).toList());
        assertThat(without.content().signer()).isEqualTo(stripped(withMarks.content().signer()));
        assertThat(without.findings()).filteredOn(f -> f.field().equals("title")).allMatch(f -> f.reading() == Finding.Reading.READ_WITHOUT_DIACRITICS);
    }

    @Test
    void linesAreJoinedOnlyWhereTheTextRunsOn() {
        List<String> paragraphs = TextDocuments.read("""
                a) Mục tiêu chung
                Tăng cường công tác thông tin, tuyên truyền
                nhằm nâng cao nhận thức.
                - Phát triển kinh tế
                - xã hội của huyện.
                b) Mục tiêu cụ thể
                """).blocks().stream().map(b -> ((SourceDocument.Paragraph) b).text()).toList();

        assertThat(paragraphs).containsExactly("a) Mục tiêu chung", "Tăng cường công tác thông tin, tuyên truyền nhằm nâng cao nhận thức.",
                "- Phát triển kinh tế - xã hội của huyện.", "b) Mục tiêu cụ thể");
    }

    @Test
    void aMarkdownTableIsATable() {
        SourceDocument document = TextDocuments.read("""
                | Stt | Nội dung công việc | Cơ quan chủ trì | Thời gian thực hiện |
                |---|---|---|---|
                | 1 | Phát hành bản tin | Phòng Nội vụ | hàng quý |
                """);

        assertThat(document.blocks()).singleElement().isEqualTo(new SourceDocument.Table(1, List.of(
                List.of("Stt", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện"), List.of("1", "Phát hành bản tin", "Phòng Nội vụ", "hàng quý"))));
    }

    /** As typed on a keyboard without Vietnamese input: no marks, "đ" as "d". */
    static String stripped(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
    }

    static PlanReading readText(String name) {
        return PlanDocumentReader.read(TextDocuments.read(new String(bytes(name), StandardCharsets.UTF_8)), 2026, RULES);
    }

    static InputStream resource(String name) {
        return PlanDocumentReaderTest.class.getResourceAsStream("/plan-documents/" + name);
    }

    static byte[] bytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
