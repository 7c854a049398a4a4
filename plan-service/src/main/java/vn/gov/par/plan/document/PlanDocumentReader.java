package vn.gov.par.plan.document;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.gov.par.plan.document.SourceDocument.Block;
import vn.gov.par.plan.document.SourceDocument.Paragraph;
import vn.gov.par.plan.document.SourceDocument.Table;
import vn.gov.par.plan.plan.Activity;
import vn.gov.par.plan.plan.CascadeDirective;
import vn.gov.par.plan.plan.ContentTopic;
import vn.gov.par.plan.plan.ParArea;
import vn.gov.par.plan.plan.PerformanceIndex;
import vn.gov.par.plan.plan.PlanContent;
import vn.gov.par.support.reporting.ReportingClauseParser;
import vn.gov.par.support.reporting.ReportingRules;
import vn.gov.par.support.reporting.ReportingSchedule;
import vn.gov.par.support.text.VietnameseDates;
import vn.gov.par.support.text.VietnameseText;
import vn.gov.par.support.timeframe.Schedule;
import vn.gov.par.support.timeframe.TimeframeParser;

/**
 * Reads a plan document the way its structure is laid down (Nghị định 30/2020/NĐ-CP, and the plans provinces, districts
 * and communes really write): the header, the title after "KẾ HOẠCH", the basis lines, then the numbered parts, each
 * known by the words of its heading, then "Nơi nhận" and the signature. Every word looked for is written once, in
 * {@link PlanDocumentVocabulary}, and matched on folded text, so a document typed without diacritics, or scanned with
 * broken ones, is read the same; what is kept is always the document's own text.
 *
 * <p>The activities come from a table with a "Nội dung" and a "chủ trì" column when the document has one (a table
 * continued over pages repeats its header, which is skipped), otherwise from the part on key activities (items followed
 * by "Cơ quan chủ trì: …", "Cơ quan phối hợp: …", "Thời gian thực hiện: …"), otherwise from the responsibilities each
 * unit is given under "Tổ chức thực hiện", that unit leading.
 */
public final class PlanDocumentReader {

    private static final Pattern YEAR = Pattern.compile("\\b(20\\d\\d)\\b");

    private final SourceDocument document;
    private final ReportingRules reportingRules;
    private final List<Finding> findings = new ArrayList<>();

    private String issuer;
    private String issuerOpening;
    private String number;
    private LocalDate date;
    private String place;
    private final List<String> title = new ArrayList<>();
    private final List<String> basis = new ArrayList<>();
    private final List<String> objectives = new ArrayList<>();
    private final List<String> requirements = new ArrayList<>();
    private final List<String> audiences = new ArrayList<>();
    private final List<ContentTopic> topics = new ArrayList<>();
    private final List<String> forms = new ArrayList<>();
    private final List<String> funding = new ArrayList<>();
    private final List<DraftActivity> tableActivities = new ArrayList<>();
    private final List<DraftActivity> keyActivities = new ArrayList<>();
    private final List<DraftActivity> responsibilities = new ArrayList<>();
    private final List<String> recipients = new ArrayList<>();
    private final List<String> signature = new ArrayList<>();
    private final Set<PerformanceIndex> indices = EnumSet.noneOf(PerformanceIndex.class);
    private String reportingClause;
    private String reportingClauseSource;
    private String cascadeDeadline;

    private PlanDocumentReader(SourceDocument document, ReportingRules reportingRules) {
        this.document = document;
        this.reportingRules = reportingRules;
    }

    /** An activity as it is being read, with where each part came from. */
    private static final class DraftActivity {
        String label;
        String content;
        String source;
        String product;
        String lead;
        String cooperating;
        String timeframe;
        /** Where each of product, leadUnits, cooperatingUnits and timeframe was read, by that name. */
        final Map<String, String> sources = new HashMap<>();
    }

    /**
     * @param fallbackYear   the year taken when the document names none (the year it is imported in)
     * @param reportingRules how the reporting clause is read, as report-service will read it once the plan is issued
     */
    public static PlanReading read(SourceDocument document, int fallbackYear, ReportingRules reportingRules) {
        return new PlanDocumentReader(document, reportingRules).read(fallbackYear);
    }

    private PlanReading read(int fallbackYear) {
        Part part = Part.HEADER;
        String unitInCharge = null;
        for (Block block : document.blocks()) {
            if (block instanceof Table table) {
                if (!readActivityTable(table) && part == Part.HEADER) {
                    // Word plans set the header in a borderless table: issuer and number on the left, place and date on the right.
                    for (int r = 0; r < table.rows().size(); r++) {
                        for (int c = 0; c < table.rows().get(r).size(); c++) {
                            for (String line : table.rows().get(r).get(c).split("\n")) {
                                readHeader(line, table.where(r, c));
                            }
                        }
                    }
                }
                continue;
            }
            Paragraph paragraph = (Paragraph) block;
            String text = paragraph.text();
            String folded = VietnameseText.fold(text);
            noteIndices(folded);
            if (part == Part.HEADER) {
                part = readHeaderOrTitle(paragraph, folded);
                continue;
            }
            if (part == Part.TITLE) {
                if (title.size() < 3 && !PlanDocumentVocabulary.BASIS.matcher(text).lookingAt() && PlanDocumentVocabulary.heading(text).isEmpty()
                        && text.length() < 250) {
                    title.add(text);
                    findings.add(Finding.read("title", text, paragraph.where(), hasDiacritics(text)));
                    continue;
                }
                part = Part.BASIS;
            }
            if (PlanDocumentVocabulary.RECIPIENTS.matcher(text).lookingAt()) {
                part = Part.RECIPIENTS;
                continue;
            }
            if (part == Part.RECIPIENTS) {
                if (PlanDocumentVocabulary.BULLET.matcher(text).lookingAt()) {
                    String recipient = PlanDocumentVocabulary.withoutBullet(text).replaceAll("[;.,]+$", "").strip();
                    if (!folded.startsWith("luu")) { // "Lưu: VT" is the issuer's own archive copy, sent to nobody
                        recipients.add(recipient);
                    }
                    continue;
                }
                part = Part.SIGNATURE;
            }
            if (part == Part.SIGNATURE) {
                signature.add(text);
                continue;
            }
            Optional<PlanDocumentVocabulary.Heading> heading = PlanDocumentVocabulary.heading(text);
            if (heading.isPresent()) {
                Optional<Part> named = PlanDocumentVocabulary.partNamed(heading.get().text());
                if (heading.get().level() == 1) {
                    part = named.orElse(Part.OTHER);
                    unitInCharge = null;
                    continue;
                }
                if (named.isPresent() && !(part == Part.KEY_ACTIVITIES && heading.get().level() == 3)) {
                    part = named.get();
                    unitInCharge = null;
                    continue;
                }
                if (part == Part.ORGANISATION && heading.get().level() == 2) {
                    unitInCharge = heading.get().text();
                    continue;
                }
            }
            readItem(part, paragraph, unitInCharge);
        }
        return reading(fallbackYear);
    }

    /** Before "KẾ HOẠCH": the issuer, number, place and date; "KẾ HOẠCH" itself starts the title. */
    private Part readHeaderOrTitle(Paragraph paragraph, String folded) {
        if (folded.equals("ke hoach")) {
            return Part.TITLE;
        }
        Matcher titled = PlanDocumentVocabulary.TITLE_INLINE.matcher(paragraph.text());
        String opening = titled.lookingAt() ? paragraph.text().substring(0, titled.start(1)) : "";
        if (titled.lookingAt() && paragraph.text().length() < 250 && opening.equals(opening.toUpperCase(Locale.ROOT))) {
            title.add(titled.group(1).strip());
            findings.add(Finding.read("title", titled.group(1).strip(), paragraph.where(), hasDiacritics(paragraph.text())));
            return Part.TITLE;
        }
        if (PlanDocumentVocabulary.BASIS.matcher(paragraph.text()).lookingAt()) {
            // No "KẾ HOẠCH" line: the basis starts the body.
            readItem(Part.BASIS, paragraph, null);
            return Part.BASIS;
        }
        readHeader(paragraph.text(), paragraph.where());
        return Part.HEADER;
    }

    private void readHeader(String text, String where) {
        Matcher numbered = PlanDocumentVocabulary.NUMBER.matcher(text);
        if (number == null && numbered.find()) {
            String written = numbered.group(1).replaceAll("\\s+", "");
            if (written.matches("\\d+.*")) {
                number = written;
                findings.add(Finding.read("document.number", number, where, true));
            } else {
                findings.add(Finding.notUnderstood("document.number", written, where, "Văn bản chưa ghi số (dự thảo chưa lấy số)."));
            }
        }
        Matcher dated = PlanDocumentVocabulary.PLACE_AND_DATE.matcher(text);
        if (place == null && dated.find()) {
            place = dated.group(1).strip();
            findings.add(Finding.read("document.place", place, where, hasDiacritics(dated.group())));
            if (dated.group(2) == null) {
                findings.add(Finding.notUnderstood("document.date", dated.group().substring(dated.group(1).length()).replaceFirst("^[,\\s]+", ""),
                        where, "Văn bản chưa ghi đủ ngày ký."));
            } else {
                try {
                    date = LocalDate.of(Integer.parseInt(dated.group(4)), Integer.parseInt(dated.group(3)), Integer.parseInt(dated.group(2)));
                    findings.add(Finding.read("document.date", date.toString(), where, hasDiacritics(dated.group())));
                } catch (DateTimeException impossible) {
                    findings.add(Finding.notUnderstood("document.date", dated.group(), where, "Ngày ghi trong văn bản không có thật."));
                }
            }
        }
        if (issuer == null) {
            // "ỦY BAN NHÂN DÂN" and "HUYỆN HỚN QUẢN" are usually two lines.
            String candidate = issuerOpening == null ? text.strip() : issuerOpening + " " + text.strip();
            Matcher issuing = PlanDocumentVocabulary.ISSUER.matcher(candidate);
            if (issuing.find()) {
                issuer = issuing.group().strip();
                findings.add(Finding.read("document.issuer", issuer, where, hasDiacritics(issuer)));
            }
            issuerOpening = VietnameseText.fold(text).matches("uy ban nhan dan|ubnd") ? text.strip() : null;
        }
    }

    private void readItem(Part part, Paragraph paragraph, String unitInCharge) {
        String text = paragraph.text();
        String item = PlanDocumentVocabulary.withoutBullet(text);
        switch (part) {
            case BASIS -> {
                if (PlanDocumentVocabulary.BASIS.matcher(text).lookingAt()) {
                    Matcher enacting = PlanDocumentVocabulary.ENACTING.matcher(text);
                    String line = (enacting.find() ? text.substring(0, enacting.start()) : text).replaceAll("[;,.]\\s*$", "").strip();
                    findings.add(Finding.read("basis[" + basis.size() + "]", line, paragraph.where(), hasDiacritics(line)));
                    basis.add(line);
                }
            }
            case OBJECTIVES -> listed("objectives", objectives, item, paragraph);
            case REQUIREMENTS -> listed("requirements", requirements, item, paragraph);
            case AUDIENCES -> listed("audiences", audiences, item, paragraph);
            case TOPICS -> {
                findings.add(Finding.read("topics[" + topics.size() + "]", item, paragraph.where(), hasDiacritics(item)));
                topics.add(new ContentTopic(areaOf(item), item));
            }
            case FORMS -> listed("communicationForms", forms, item, paragraph);
            case FUNDING -> listed("funding", funding, item, paragraph);
            case KEY_ACTIVITIES -> readKeyActivity(paragraph, item);
            case ORGANISATION -> readResponsibility(paragraph, item, unitInCharge);
            default -> {
            }
        }
    }

    private void listed(String field, List<String> items, String item, Paragraph paragraph) {
        findings.add(Finding.read(field + "[" + items.size() + "]", item, paragraph.where(), hasDiacritics(item)));
        items.add(item);
    }

    /** An item of the key activities, or one of the lines that follow it: who leads, who cooperates, when, what product. */
    private void readKeyActivity(Paragraph paragraph, String item) {
        Matcher attribute = PlanDocumentVocabulary.ACTIVITY_ATTRIBUTE.matcher(item);
        if (attribute.lookingAt() && !keyActivities.isEmpty()) {
            DraftActivity activity = keyActivities.get(keyActivities.size() - 1);
            String value = item.substring(attribute.end()).strip().replaceAll("[.;]+$", "").strip();
            switch (PlanDocumentVocabulary.attributeOf(attribute.group(1))) {
                case LEAD -> activity.lead = value;
                case COOPERATING -> activity.cooperating = value;
                case TIMEFRAME -> activity.timeframe = value;
                case PRODUCT -> activity.product = value;
            }
            activity.sources.put(PlanDocumentVocabulary.attributeOf(attribute.group(1)).field(), paragraph.where());
            return;
        }
        DraftActivity activity = new DraftActivity();
        activity.label = PlanDocumentVocabulary.labelOf(paragraph.text());
        activity.content = item.replaceAll("[.;]+$", "").strip();
        activity.source = paragraph.where();
        keyActivities.add(activity);
    }

    /**
     * Under "Tổ chức thực hiện": the reporting clause, the order to make sub-plans, and each responsibility of the unit whose
     * heading it sits under.
     */
    private void readResponsibility(Paragraph paragraph, String item, String unitInCharge) {
        if (PlanDocumentVocabulary.CLOSING.matcher(item).lookingAt()) {
            return;
        }
        if (reportingClause == null && PlanDocumentVocabulary.REPORTING_CLAUSE.matcher(item).lookingAt()) {
            reportingClause = item;
            reportingClauseSource = paragraph.where();
            return;
        }
        Matcher subPlans = PlanDocumentVocabulary.SUB_PLANS_BY.matcher(item);
        if (cascadeDeadline == null && subPlans.find()) {
            cascadeDeadline = subPlans.group(1).strip().replaceAll("[.;,]+$", "");
            findings.add(Finding.read("cascade.dueAsWritten", cascadeDeadline, paragraph.where(), hasDiacritics(item)));
            return;
        }
        if (unitInCharge != null) {
            DraftActivity activity = new DraftActivity();
            activity.content = item.replaceAll("[.;]+$", "").strip();
            activity.lead = unitInCharge;
            activity.source = paragraph.where();
            activity.sources.put("leadUnits", "mục của đơn vị, trên " + paragraph.where());
            activity.sources.put("timeframe", paragraph.where());
            Matcher when = PlanDocumentVocabulary.TIMEFRAME_IN_TEXT.matcher(item);
            activity.timeframe = when.find() ? when.group().strip() : null;
            responsibilities.add(activity);
        }
    }

    /** A table whose header names the work and who leads it: its rows are the activities. */
    private boolean readActivityTable(Table table) {
        List<List<String>> rows = table.rows();
        for (int headerRow = 0; headerRow < Math.min(3, rows.size()); headerRow++) {
            Optional<PlanDocumentVocabulary.Columns> found = PlanDocumentVocabulary.Columns.of(rows.get(headerRow));
            if (found.isEmpty()) {
                continue;
            }
            PlanDocumentVocabulary.Columns columns = found.get();
            for (int r = headerRow + 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (PlanDocumentVocabulary.Columns.of(row).isPresent() || isColumnNumbering(row)) {
                    continue; // the header again, on the next page, or the row numbering the columns (1) (2) (3)
                }
                String content = columns.cell(row, columns.content());
                String lead = columns.cell(row, columns.lead());
                if (content.isBlank() || lead.isBlank() && columns.cell(row, columns.timeframe()).isBlank()
                        || row.stream().distinct().count() == 1) {
                    continue; // a group's title row, its text spread over the whole row
                }
                DraftActivity activity = new DraftActivity();
                activity.label = blankToNull(columns.cell(row, columns.number()));
                activity.content = content;
                activity.product = blankToNull(columns.cell(row, columns.product()));
                activity.lead = blankToNull(lead);
                activity.cooperating = blankToNull(columns.cell(row, columns.cooperating()));
                activity.timeframe = blankToNull(columns.cell(row, columns.timeframe()));
                activity.source = table.where(r, columns.content());
                activity.sources.put("product", table.where(r, columns.product()));
                activity.sources.put("leadUnits", table.where(r, columns.lead()));
                activity.sources.put("cooperatingUnits", table.where(r, columns.cooperating()));
                activity.sources.put("timeframe", table.where(r, columns.timeframe()));
                tableActivities.add(activity);
            }
            return true;
        }
        return false;
    }

    private static boolean isColumnNumbering(List<String> row) {
        return row.stream().allMatch(cell -> cell.isBlank() || cell.matches("\\(?\\d{1,2}\\)?"));
    }

    private PlanReading reading(int fallbackYear) {
        String planTitle = title.isEmpty() ? null : String.join(" ", title);
        if (planTitle == null) {
            findings.add(Finding.missing("title", "Không tìm thấy tên kế hoạch (dòng sau chữ \"KẾ HOẠCH\")."));
        }
        int year = yearOf(planTitle).or(() -> Optional.ofNullable(date).map(LocalDate::getYear)).orElse(fallbackYear);
        if (yearOf(planTitle).isEmpty()) {
            findings.add(Finding.notUnderstood("year", String.valueOf(year), null, "Tên kế hoạch không ghi năm; đã lấy năm " + year
                    + (date != null ? " theo ngày ký." : " hiện tại.")));
        }
        if (issuer == null) {
            findings.add(Finding.missing("document.issuer", "Không tìm thấy tên cơ quan ban hành ở đầu văn bản."));
        }
        if (number == null && findings.stream().noneMatch(f -> f.field().equals("document.number"))) {
            findings.add(Finding.missing("document.number", "Không tìm thấy số, ký hiệu văn bản (\"Số: …/KH-…\")."));
        }
        List<Activity> activities = activities(year);
        String signer = signer();
        if (signer == null) {
            findings.add(Finding.missing("signer", "Không tìm thấy người ký ở cuối văn bản."));
        } else {
            findings.add(Finding.read("signer", signer, "cuối văn bản", hasDiacritics(signer)));
        }
        if (reportingClause == null) {
            findings.add(Finding.missing("reportingClause", "Không tìm thấy câu về chế độ báo cáo (\"Định kỳ … báo cáo …\")."));
        } else {
            findings.add(reportingClauseRead(year));
        }
        if (recipients.isEmpty()) {
            findings.add(Finding.missing("recipients", "Không tìm thấy mục \"Nơi nhận\"."));
        } else {
            findings.add(Finding.read("recipients", String.join("; ", recipients), "Nơi nhận", recipients.stream().anyMatch(PlanDocumentReader::hasDiacritics)));
        }
        CascadeDirective cascade = cascadeDeadline == null ? null
                : new CascadeDirective(null, true, false, List.of(), cascadeDeadline);
        PlanContent content = new PlanContent(planTitle, year, signer, basis.isEmpty() ? null : String.join("\n", basis), objectives,
                requirements, audiences, topics, forms, funding.isEmpty() ? null : String.join("\n", funding), List.copyOf(indices),
                activities, reportingClause, recipients, cascade);
        if (cascadeDeadline != null && content.cascade().dueDate() == null) {
            findings.add(Finding.notUnderstood("cascade.dueDate", cascadeDeadline, null, "Không đọc được thời hạn ban hành kế hoạch cấp dưới; hãy ghi ngày cụ thể."));
        }
        return new PlanReading(content, new DocumentIdentity(number, date, issuer, place), findings);
    }

    /** The activities from the table if there was one, else the key activities, else the responsibilities. */
    private List<Activity> activities(int year) {
        List<DraftActivity> drafts = !tableActivities.isEmpty() ? tableActivities : !keyActivities.isEmpty() ? keyActivities : responsibilities;
        if (drafts.isEmpty()) {
            findings.add(Finding.missing("activities", "Không tìm thấy hoạt động nào (bảng phụ lục, mục hoạt động trọng tâm hoặc mục tổ chức thực hiện)."));
        }
        List<Activity> activities = new ArrayList<>();
        char letter = 'a';
        for (int i = 0; i < drafts.size(); i++) {
            DraftActivity draft = drafts.get(i);
            String field = "activities[" + i + "]";
            String label = draft.label != null && !draft.label.isBlank() ? draft.label : String.valueOf(letter);
            letter++;
            findings.add(Finding.read(field + ".content", draft.content, draft.source, hasDiacritics(draft.content)));
            readAttribute(field, "product", draft.product, draft);
            readAttribute(field, "leadUnits", draft.lead, draft);
            readAttribute(field, "cooperatingUnits", draft.cooperating, draft);
            if (draft.lead == null) {
                findings.add(Finding.missing(field + ".leadUnits", "Hoạt động không ghi cơ quan chủ trì."));
            }
            if (draft.timeframe == null) {
                findings.add(Finding.missing(field + ".timeframe", "Hoạt động không ghi thời gian thực hiện; hãy ghi trước khi ban hành."));
            } else {
                Schedule schedule = TimeframeParser.parse(draft.timeframe, year);
                String where = draft.sources.get("timeframe");
                findings.add(schedule.recognised()
                        ? new Finding(field + ".timeframe", draft.timeframe, where,
                                hasDiacritics(draft.timeframe) ? Finding.Reading.READ : Finding.Reading.READ_WITHOUT_DIACRITICS, dueDates(schedule))
                        : Finding.notUnderstood(field + ".timeframe", draft.timeframe, where,
                                "Không đọc được thời gian thực hiện này; nhiệm vụ sẽ chờ người đặt lịch."));
            }
            activities.add(new Activity(label, draft.content, draft.product, draft.lead == null ? List.of() : List.of(draft.lead),
                    draft.cooperating == null ? List.of() : List.of(draft.cooperating), draft.timeframe));
        }
        return activities;
    }

    /** The clause, with the reports it will ask for as report-service reads it, or why it cannot be read. */
    private Finding reportingClauseRead(int year) {
        ReportingSchedule schedule = ReportingClauseParser.parse(reportingClause, year, reportingRules);
        if (!schedule.recognised()) {
            return Finding.notUnderstood("reportingClause", reportingClause, reportingClauseSource,
                    "Không đọc được lịch báo cáo: " + schedule.problem() + " Người ban hành sẽ phải đặt lịch báo cáo bằng tay.");
        }
        String periods = String.join(", ", schedule.periods().stream()
                .map(period -> period.name() + " (hạn " + VietnameseDates.format(period.dueDate()) + ")").toList());
        return new Finding("reportingClause", reportingClause, reportingClauseSource,
                hasDiacritics(reportingClause) ? Finding.Reading.READ : Finding.Reading.READ_WITHOUT_DIACRITICS,
                (periods.isEmpty() ? "Báo cáo khi được yêu cầu." : "Các báo cáo: " + periods + ".")
                        + (schedule.via() == null ? "" : " Gửi qua " + schedule.via() + "."));
    }

    private void readAttribute(String field, String name, String value, DraftActivity draft) {
        if (value != null) {
            findings.add(Finding.read(field + "." + name, value, draft.sources.get(name), hasDiacritics(value)));
        }
    }

    /** The deadlines the timeframe gives, as officials will see them; none for ongoing work (it follows the report periods). */
    private static String dueDates(Schedule schedule) {
        List<String> dates = schedule.occurrences().stream().map(o -> VietnameseDates.format(o.dueDate())).toList();
        return dates.isEmpty() ? "Việc thường xuyên: kiểm tra theo các kỳ báo cáo của kế hoạch." : "Hạn: " + String.join(", ", dates) + ".";
    }

    /** The signer: the last line of the signature block, a person's name (the lines above it say in what capacity). */
    private String signer() {
        for (int i = signature.size() - 1; i >= 0; i--) {
            String line = signature.get(i).strip();
            if (PlanDocumentVocabulary.PERSON_NAME.matcher(line).matches() && !PlanDocumentVocabulary.CAPACITY.matcher(line).lookingAt()) {
                return line;
            }
        }
        return null;
    }

    private void noteIndices(String folded) {
        for (PerformanceIndex index : PerformanceIndex.values()) {
            if ((" " + folded + " ").contains(" " + PlanDocumentVocabulary.indexWords(index) + " ")) {
                indices.add(index);
            }
        }
    }

    private static ParArea areaOf(String item) {
        String folded = VietnameseText.fold(item);
        for (ParArea area : ParArea.values()) {
            if (folded.startsWith(VietnameseText.fold(area.vietnamese()))) {
                return area;
            }
        }
        return null;
    }

    private static Optional<Integer> yearOf(String title) {
        if (title == null) {
            return Optional.empty();
        }
        Matcher year = YEAR.matcher(title);
        Integer last = null;
        while (year.find()) {
            last = Integer.parseInt(year.group(1));
        }
        return Optional.ofNullable(last);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether the text was written with Vietnamese diacritics (one mark is enough: text typed without any has none). */
    static boolean hasDiacritics(String text) {
        return text != null && (Normalizer.normalize(text, Normalizer.Form.NFD).matches("(?s).*\\p{M}.*") || text.indexOf('đ') >= 0
                || text.indexOf('Đ') >= 0);
    }

    /** The parts of a plan, in the order documents give them. */
    enum Part {
        HEADER, TITLE, BASIS, OBJECTIVES, REQUIREMENTS, AUDIENCES, TOPICS, FORMS, KEY_ACTIVITIES, FUNDING, ORGANISATION, OTHER, RECIPIENTS,
        SIGNATURE
    }
}
