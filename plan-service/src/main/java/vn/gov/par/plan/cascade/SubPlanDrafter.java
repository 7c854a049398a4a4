package vn.gov.par.plan.cascade;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.gov.par.plan.plan.CascadeDirective;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanContent;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.support.text.VietnameseDates;

/**
 * Prepares the draft a unit starts from: the parent's content with its assignees re-targeted to the unit's own bodies, a
 * title for the unit's own area, and
 * the basis line in the official form ("Thực hiện Kế hoạch số 96/KH-UBND ngày 19/03/2024 của UBND tỉnh
 * Bình Phước về ...": day and month in two digits, Nghị định 30/2020/NĐ-CP). Signer, recipients and the unit's own
 * cascade due date are left for the unit.
 */
public final class SubPlanDrafter {

    /** The parent's own area ("trên địa bàn tỉnh X", "của Sở Y"), up to the end or to a trailing "năm 2024". */
    private static final Pattern AREA = Pattern.compile("\\s+(trên địa bàn|của)\\s+.*?(?=\\s+năm\\s+\\d{4}\\s*$|$)",
            Pattern.CASE_INSENSITIVE);

    private SubPlanDrafter() {
    }

    /** @param retargeting how the parent's assignees read in the unit's own directory (see {@link Retargeting}) */
    public static PlanContent draftFor(Plan parent, Unit unit, Retargeting retargeting) {
        PlanContent source = parent.content();
        return new PlanContent(titleFor(source.title(), unit), source.year(), null, basisLine(parent), source.objectives(),
                source.requirements(), source.audiences(), source.topics(), source.communicationForms(), source.funding(),
                source.indicators(), retargeting.apply(source.activities()), retargeting.apply(source.reportingClause()), List.of(),
                CascadeDirective.toSubordinateGovernments());
    }

    static String basisLine(Plan parent) {
        String about = parent.content().title();
        about = about.isEmpty() ? about : about.substring(0, 1).toLowerCase(Locale.forLanguageTag("vi")) + about.substring(1);
        return "Thực hiện Kế hoạch số " + parent.number() + " ngày " + VietnameseDates.format(parent.issuedOn()) + " của "
                + parent.issuerName() + " về " + about + ";";
    }

    static String titleFor(String parentTitle, Unit unit) {
        String ownArea = unit.isGovernment() ? " trên địa bàn " + GovernmentArea.of(unit).written() : " của " + unit.name();
        Matcher area = AREA.matcher(parentTitle.strip());
        return area.find() ? area.replaceFirst(Matcher.quoteReplacement(ownArea)) : parentTitle.strip() + ownArea;
    }
}
