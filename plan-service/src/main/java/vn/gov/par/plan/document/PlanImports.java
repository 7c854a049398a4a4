package vn.gov.par.plan.document;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import vn.gov.par.plan.plan.AssignmentPreview;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanService;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.domain.RuleViolationException;

/**
 * A plan document in, a draft out: the file is read ({@link TextDocuments}, {@link WordDocuments}), understood
 * ({@link PlanDocumentReader}) and saved as a draft of the issuer as any draft is (same rules, same access), and the
 * findings gain every assignee text the directory does not know. A file that is no plan document changes nothing.
 */
@Service
public class PlanImports {

    private final PlanService plans;
    private final Clock clock;

    public PlanImports(PlanService plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /** The draft made, how the document names itself, and what was found. */
    public record Imported(Plan plan, DocumentIdentity document, List<Finding> findings) {
    }

    public Imported importDocument(String fileName, byte[] bytes, String issuerCode, Access access) {
        SourceDocument document = read(fileName, bytes);
        PlanReading reading = PlanDocumentReader.read(document, LocalDate.now(clock).getYear());
        if (reading.content().title() == null) {
            throw RuleViolationException.invalid("not-a-plan", "Không nhận ra tệp \"" + fileName + "\" là một kế hoạch: không tìm thấy dòng "
                    + "\"KẾ HOẠCH\" và tên kế hoạch theo sau nó.");
        }
        Plan draft = plans.create(issuerCode, reading.content(), access);
        List<Finding> findings = new ArrayList<>(reading.findings());
        findings.addAll(assignees(plans.assignments(draft.id(), access)));
        return new Imported(draft, reading.document(), findings);
    }

    private static SourceDocument read(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw RuleViolationException.invalid("document-empty", "Tệp \"" + fileName + "\" rỗng.");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        SourceDocument document;
        if (name.endsWith(".docx")) {
            document = WordDocuments.read(fileName, new ByteArrayInputStream(bytes));
        } else if (name.endsWith(".txt") || name.endsWith(".md")) {
            document = TextDocuments.read(text(fileName, bytes));
        } else {
            throw RuleViolationException.invalid("unsupported-document-type", "Chỉ nhận kế hoạch dạng .docx, .txt hoặc .md; tệp \"" + fileName
                    + "\" không thuộc các dạng đó.");
        }
        if (document.isEmpty()) {
            throw RuleViolationException.invalid("document-empty", "Tệp \"" + fileName + "\" không có nội dung.");
        }
        return document;
    }

    /** The file as UTF-8 text; anything else (another encoding, a binary file renamed) is refused rather than guessed at. */
    private static String text(String fileName, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\u0000') >= 0) {
                throw new CharacterCodingException();
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notText) {
            throw RuleViolationException.invalid("document-not-text", "Tệp \"" + fileName + "\" không phải văn bản UTF-8; hãy lưu lại với "
                    + "bảng mã UTF-8 (Unicode) rồi tải lên lại.");
        }
    }

    /**
     * Whom each activity's assignee texts name in the directory, the document's text beside the units matched, and each text
     * with a part that names nobody.
     */
    private static List<Finding> assignees(AssignmentPreview preview) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < preview.activities().size(); i++) {
            AssignmentPreview.ActivityPreview activity = preview.activities().get(i);
            matched(findings, "activities[" + i + "].leadUnits", activity.leads());
            matched(findings, "activities[" + i + "].cooperatingUnits", activity.cooperating());
            for (AssignmentPreview.Unresolved text : activity.unresolved()) {
                List<String> unknown = new ArrayList<>(text.unmatched());
                unknown.addAll(text.emptyGroups());
                findings.add(Finding.notUnderstood("activities[" + i + "]." + ("LEAD".equals(text.role()) ? "leadUnits" : "cooperatingUnits"),
                        text.text(), null, "Không khớp đơn vị nào trong danh mục: " + String.join(", ", unknown) + "."));
            }
        }
        return findings;
    }

    private static void matched(List<Finding> findings, String field, List<AssignmentPreview.Named> units) {
        if (!units.isEmpty()) {
            findings.add(new Finding(field, null, "danh mục đơn vị", Finding.Reading.READ, "Khớp: " + String.join(", ",
                    units.stream().map(unit -> unit.name() + " (" + unit.code() + ")").toList()) + "."));
        }
    }
}
