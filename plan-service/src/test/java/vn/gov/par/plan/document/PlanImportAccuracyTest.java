package vn.gov.par.plan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.plan.plan.Activity;
import vn.gov.par.plan.plan.PlanContent;
import vn.gov.par.support.text.VietnameseText;

/**
 * The accuracy harness of plan imports: every fixture in {@code plan-documents/}, the texts read as written, typed
 * without diacritics and scanned ({@link ScannedText}), the Word versions as LibreOffice made them, each field compared with the truth a person wrote down for it
 * ({@code plan-documents/expected/}): the header (number, date, issuer, place, title, year, signer), each basis line,
 * each activity's five cells (content, product, lead, cooperating, timeframe), the reporting clause, the sub-plan
 * deadline and each recipient. It prints the share read right per fixture and variant, and the time each reading took;
 * it holds the targets of issue #26: every header field and 95 % of activity cells on the clean fixtures, 90 % on the
 * damaged ones. Run alone: {@code ./mvnw -pl plan-service test -Dtest=PlanImportAccuracyTest}.
 */
class PlanImportAccuracyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Each fixture with the truth it is compared with: a Word version of a text plan holds the same plan. */
    private static final Map<String, String> FIXTURES = orderedMap("hon-quan-2024.md", "hon-quan-2024", "hon-quan-2024.docx", "hon-quan-2024",
            "duong-quan-2024.txt", "duong-quan-2024", "dong-hoa-2022.md", "dong-hoa-2022", "dong-hoa-2022.docx", "dong-hoa-2022",
            "hon-quan-2025-phu-luc.docx", "hon-quan-2025-phu-luc");

    /** How a text reaches the platform: as written, typed without diacritics, or scanned. */
    enum Variant {
        CLEAN(text -> text), WITHOUT_DIACRITICS(PlanDocumentReaderTest::stripped), SCANNED(text -> ScannedText.of(text, 26));

        final UnaryOperator<String> damage;

        Variant(UnaryOperator<String> damage) {
            this.damage = damage;
        }
    }

    /** Fields read right of fields looked for, by group. */
    static final class Score {
        final Map<String, int[]> groups = new LinkedHashMap<>();

        void count(String group, boolean right) {
            int[] counts = groups.computeIfAbsent(group, g -> new int[2]);
            counts[0] += right ? 1 : 0;
            counts[1]++;
        }

        double share(String group) {
            int[] counts = groups.getOrDefault(group, new int[] {0, 0});
            return counts[1] == 0 ? 1 : (double) counts[0] / counts[1];
        }

        double overall() {
            int right = groups.values().stream().mapToInt(c -> c[0]).sum();
            int all = groups.values().stream().mapToInt(c -> c[1]).sum();
            return all == 0 ? 1 : (double) right / all;
        }
    }

    @Test
    void plansAreReadToTheTargetsAsWrittenTypedWithoutDiacriticsAndScanned() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-28s %-19s %7s %7s %10s %7s %8s %6s", "fixture", "variant", "header", "basis", "activities", "other",
                "overall", "ms"));
        for (String fixture : FIXTURES.keySet()) {
            JsonNode truth = JSON.readTree(PlanDocumentReaderTest.bytes("expected/" + FIXTURES.get(fixture) + ".json"));
            for (Variant variant : fixture.endsWith(".docx") ? List.of(Variant.CLEAN) : List.of(Variant.values())) {
                long started = System.nanoTime();
                PlanReading reading = read(fixture, variant);
                long millis = (System.nanoTime() - started) / 1_000_000;
                Score score = score(truth, reading, variant);
                lines.add(String.format("%-28s %-19s %6.1f%% %6.1f%% %9.1f%% %6.1f%% %7.1f%% %6d", fixture, variant, 100 * score.share("header"),
                        100 * score.share("basis"), 100 * score.share("activities"), 100 * score.share("other"), 100 * score.overall(), millis));
                if (variant == Variant.CLEAN) {
                    assertThat(score.share("header")).as(fixture + ": header fields").isEqualTo(1.0);
                    assertThat(score.share("activities")).as(fixture + ": activity cells").isGreaterThanOrEqualTo(0.95);
                } else {
                    assertThat(score.overall()).as(fixture + " " + variant).isGreaterThanOrEqualTo(0.90);
                }
            }
        }
        System.out.println("Plan import accuracy (fields read right / fields in the document)\n" + String.join("\n", lines));
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static PlanReading read(String fixture, Variant variant) {
        byte[] bytes = PlanDocumentReaderTest.bytes(fixture);
        SourceDocument document = fixture.endsWith(".docx") ? WordDocuments.read(fixture, new ByteArrayInputStream(bytes))
                : TextDocuments.read(variant.damage.apply(new String(bytes, StandardCharsets.UTF_8)));
        return PlanDocumentReader.read(document, 2026, PlanDocumentReaderTest.RULES);
    }

    private static Score score(JsonNode truth, PlanReading reading, Variant variant) {
        Score score = new Score();
        PlanContent plan = reading.content();
        JsonNode document = truth.get("document");
        compare(score, "header", variant, document.get("number"), reading.document().number());
        compare(score, "header", variant, document.get("date"), reading.document().date() == null ? null : reading.document().date().toString());
        compare(score, "header", variant, document.get("issuer"), reading.document().issuer());
        compare(score, "header", variant, document.get("place"), reading.document().place());
        compare(score, "header", variant, truth.get("title"), plan.title());
        score.count("header", truth.get("year").asInt() == plan.year());
        compare(score, "header", variant, truth.get("signer"), plan.signer());
        List<String> basis = plan.basis() == null ? List.of() : List.of(plan.basis().split("\n"));
        compareAll(score, "basis", variant, truth.get("basis"), basis);
        JsonNode activities = truth.get("activities");
        for (int i = 0; i < activities.size(); i++) {
            JsonNode expected = activities.get(i);
            Activity read = i < plan.activities().size() ? plan.activities().get(i) : null;
            compare(score, "activities", variant, expected.get("content"), read == null ? null : read.content());
            compare(score, "activities", variant, expected.get("product"), read == null ? null : read.product());
            compare(score, "activities", variant, expected.get("lead"), read == null || read.leadUnits().isEmpty() ? null : read.leadUnits().get(0));
            compare(score, "activities", variant, expected.get("cooperating"),
                    read == null || read.cooperatingUnits().isEmpty() ? null : read.cooperatingUnits().get(0));
            compare(score, "activities", variant, expected.get("timeframe"), read == null ? null : read.timeframe());
        }
        for (int i = activities.size(); i < plan.activities().size(); i++) {
            score.count("activities", false); // an activity the document does not have
        }
        compare(score, "other", variant, truth.get("reportingClause"), plan.reportingClause());
        compare(score, "other", variant, truth.get("cascade"), plan.cascade().dueAsWritten());
        compareAll(score, "other", variant, truth.get("recipients"), plan.recipients());
        return score;
    }

    private static void compareAll(Score score, String group, Variant variant, JsonNode expected, List<String> read) {
        for (int i = 0; i < Math.max(expected.size(), read.size()); i++) {
            compare(score, group, variant, i < expected.size() ? expected.get(i) : null, i < read.size() ? read.get(i) : null);
        }
    }

    /**
     * Whether the field was read right: the same text, as the variant writes it; for a scan, the same words but for the
     * letters OCR broke (folded, at least 90 % alike), since what is kept is the scan's own text.
     */
    private static void compare(Score score, String group, Variant variant, JsonNode expected, String read) {
        String truth = expected == null || expected.isNull() ? null : expected.asString();
        if (truth == null || read == null) {
            score.count(group, truth == null && read == null);
            return;
        }
        if (variant == Variant.SCANNED) {
            String a = VietnameseText.fold(truth);
            String b = VietnameseText.fold(read);
            int distance = LevenshteinDistance.getDefaultInstance().apply(a, b);
            score.count(group, distance <= Math.max(a.length(), b.length()) / 10);
        } else {
            score.count(group, variant.damage.apply(truth).equals(read));
        }
    }
}
