package vn.gov.par.plan.document;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import vn.gov.par.plan.plan.AssignmentPreview;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanService;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.HistoryEntry;
import vn.gov.par.support.access.Role;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.persistence.Documents;
import vn.gov.par.support.reporting.ReportingRules;

/**
 * A plan document in, a draft out: the file is read ({@link TextDocuments}, {@link WordDocuments}), understood
 * ({@link PlanDocumentReader}) and saved as a draft of the issuer as any draft is (same rules, same access); the findings
 * gain whom each assignee text names in the directory, and each text that names nobody. What was read is kept beside the
 * draft for its review. A file that is no plan document changes nothing.
 */
@Service
public class PlanImports {

    private static final String COLLECTION = "plan_imports";
    /** A text plan is kept to be shown beside what was read up to this size; a larger one is read, not kept. */
    private static final int ORIGINAL_KEPT_UP_TO = 1024 * 1024;

    private final PlanService plans;
    private final MongoTemplate mongo;
    private final ReportingRules reportingRules;
    private final Clock clock;

    public PlanImports(PlanService plans, MongoTemplate mongo, ReportingRules reportingRules, Clock clock) {
        this.plans = plans;
        this.mongo = mongo;
        this.reportingRules = reportingRules;
        this.clock = clock;
    }

    /**
     * What one import read, kept beside the draft it made (by the draft's id) so that its review can be read again.
     *
     * @param original  the text of a .txt or .md plan, to be shown beside what was read; null for a Word plan or a large text
     * @param confirmed the fields an official of the issuer has looked at and confirmed, each once
     */
    public record Imported(String planId, String fileName, Instant importedAt, DocumentIdentity document, List<Finding> findings,
            String original, List<Confirmation> confirmed) {

        public Imported {
            findings = List.copyOf(findings);
            confirmed = confirmed == null ? List.of() : List.copyOf(confirmed);
        }
    }

    /** A field of the findings an official confirmed, as read or once corrected in the draft. */
    public record Confirmation(String field, HistoryEntry by) {
    }

    public Imported importDocument(String fileName, byte[] bytes, String issuerCode, Access access) {
        Source source = read(fileName, bytes);
        PlanReading reading = PlanDocumentReader.read(source.document(), LocalDate.now(clock).getYear(), reportingRules);
        if (reading.content().title() == null) {
            throw RuleViolationException.invalid("not-a-plan", "Không nhận ra tệp \"" + fileName + "\" là một kế hoạch: không tìm thấy dòng "
                    + "\"KẾ HOẠCH\" và tên kế hoạch theo sau nó.");
        }
        Plan draft = plans.create(issuerCode, reading.content(), access);
        List<Finding> findings = new ArrayList<>(reading.findings());
        findings.addAll(assignees(plans.assignments(draft.id(), access)));
        // After the draft, on its own: should it be lost, the draft stands as any other and only its review is gone.
        Imported imported = new Imported(draft.id(), fileName, clock.instant(), reading.document(), findings, source.original(),
                List.of());
        Documents.upsert(mongo, COLLECTION, imported, imported.planId());
        return imported;
    }

    /** The review of the import that made the draft, for whoever may read the draft. */
    public Imported of(String planId, Access access) {
        plans.get(planId, access);
        return stored(planId);
    }

    /**
     * An officer of the draft's unit confirms these fields of the review: looked at, and right as read or corrected in the
     * draft. A field confirmed already keeps its first confirmation; a field the review does not have is refused.
     */
    public Imported confirm(String planId, List<String> fields, Access access) {
        Plan draft = plans.get(planId, access);
        access.requireActsFor(draft.issuerCode(), Role.CAN_BO, "xác nhận kết quả đọc văn bản của dự thảo này");
        Imported imported = stored(planId);
        Set<String> known = imported.findings().stream().map(Finding::field).collect(Collectors.toSet());
        List<String> unknown = fields.stream().filter(field -> !known.contains(field)).toList();
        if (!unknown.isEmpty()) {
            throw RuleViolationException.invalid("unknown-finding", "Kết quả đọc văn bản không có mục: " + String.join(", ", unknown) + ".");
        }
        Set<String> already = imported.confirmed().stream().map(Confirmation::field).collect(Collectors.toSet());
        List<Confirmation> confirmed = new ArrayList<>(imported.confirmed());
        fields.stream().distinct().filter(field -> !already.contains(field))
                .forEach(field -> confirmed.add(new Confirmation(field, new HistoryEntry("CONFIRMED", clock.instant(), access.official().actor()))));
        Imported updated = new Imported(imported.planId(), imported.fileName(), imported.importedAt(), imported.document(), imported.findings(),
                imported.original(), confirmed);
        Documents.upsert(mongo, COLLECTION, updated, planId);
        return updated;
    }

    private Imported stored(String planId) {
        return Optional.ofNullable(mongo.findById(planId, Imported.class, COLLECTION))
                .orElseThrow(() -> new NotFoundException("Dự thảo '" + planId + "' không được nhập từ văn bản."));
    }

    /** The file read, and its text when it is a text plan small enough to keep beside what was read. */
    private record Source(SourceDocument document, String original) {
    }

    private static Source read(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw RuleViolationException.invalid("document-empty", "Tệp \"" + fileName + "\" rỗng.");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Source source;
        if (name.endsWith(".docx")) {
            source = new Source(WordDocuments.read(fileName, new ByteArrayInputStream(bytes)), null);
        } else if (name.endsWith(".txt") || name.endsWith(".md")) {
            String text = text(fileName, bytes);
            source = new Source(TextDocuments.read(text), bytes.length <= ORIGINAL_KEPT_UP_TO ? text : null);
        } else {
            throw RuleViolationException.invalid("unsupported-document-type", "Chỉ nhận kế hoạch dạng .docx, .txt hoặc .md; tệp \"" + fileName
                    + "\" không thuộc các dạng đó.");
        }
        if (source.document().isEmpty()) {
            throw RuleViolationException.invalid("document-empty", "Tệp \"" + fileName + "\" không có nội dung.");
        }
        return source;
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
