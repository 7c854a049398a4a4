package vn.gov.par.plan.cascade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.gov.par.plan.plan.Activity;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.plan.unit.UnitLevel;
import vn.gov.par.support.assignment.UnitGroup;
import vn.gov.par.support.text.VietnameseText;
import vn.gov.par.support.text.WrittenPattern;

/**
 * Re-targets who a prepared draft's activities and reporting clause name, from the parent plan's issuer to the unit that will issue the draft,
 * where the directory allows, so that a draft issued unchanged gives work to the unit's own bodies:
 * <table>
 *   <caption>What the draft writes for what the parent plan wrote</caption>
 *   <tr><th>The parent plan writes</th><th>The unit's draft writes</th></tr>
 *   <tr><td>the parent government ("UBND tỉnh")</td><td>the unit ("UBND huyện")</td></tr>
 *   <tr><td>one of the parent's agencies ("Sở Nội vụ")</td><td>the unit's agency of the same function ("Phòng Nội vụ huyện"),
 *       when the directory has exactly one (see {@link #FUNCTIONS})</td></tr>
 *   <tr><td>the districts as a group ("UBND các huyện, thị xã, thành phố")</td><td>the unit's own governments below it,
 *       by the kinds they are ("UBND các xã, thị trấn")</td></tr>
 *   <tr><td>the parent's agencies as a group ("Các Sở, ban, ngành")</td><td>the unit's ("Các cơ quan, ban, ngành huyện")</td></tr>
 * </table>
 * Names are found however the plan writes them (with or without the area, with or without diacritics); the rest of the
 * text stays as written. A unit with nothing below it (a commune, an agency) is given its draft as the parent wrote it.
 */
public final class Retargeting {

    /** A function an agency serves: words its name has in the parent's directory, and in the unit's (over folded names). */
    private record Function(Pattern parentWords, Pattern unitWords) {

        Function(String parentWords, String unitWords) {
            this(Pattern.compile(parentWords), Pattern.compile(unitWords));
        }
    }

    /** Functions in the order they are tried; the first that names exactly one of the unit's agencies decides. */
    private static final List<Function> FUNCTIONS = List.of(
            new Function("noi vu", "^phong noi vu"),
            new Function("tu phap", "^phong tu phap"),
            new Function("van hoa|thong tin", "^phong van hoa|^phong .*thong tin"),
            new Function("tai chinh|ke hoach va dau tu", "^phong tai chinh"),
            new Function("giao duc", "^phong giao duc"),
            new Function("phat thanh|truyen hinh", "truyen thanh"),
            new Function("^van phong", "^van phong"),
            new Function("^thanh tra", "^thanh tra"),
            new Function("y te", "^phong y te"),
            new Function("lao dong", "^phong lao dong"),
            new Function("tai nguyen", "^phong tai nguyen"),
            new Function("nong nghiep", "^phong nong nghiep"));

    private static final WrittenPattern DISTRICTS = WrittenPattern.of(UnitGroup.DISTRICTS.pattern().pattern());
    private static final WrittenPattern PROVINCIAL_AGENCIES = WrittenPattern.of(UnitGroup.PROVINCIAL_AGENCIES.pattern().pattern());
    private static final List<String> COMMUNE_KINDS = List.of("xã", "phường", "thị trấn");

    /** A name to find, and what to write instead. */
    private record Rule(WrittenPattern pattern, String replacement) {
    }

    /** One of the parent's agencies: its folded name, and every way its plan may write it. */
    private record ParentAgency(String foldedName, WrittenPattern names) {
    }

    private final List<Rule> rules;

    private Retargeting(List<Rule> rules) {
        this.rules = rules;
    }

    /** Copies as written. */
    public static Retargeting none() {
        return new Retargeting(List.of());
    }

    /**
     * What a parent plan's issuer names, read once per plan: its own government and its agencies, each found however the
     * plan writes it; {@link Source#to} re-targets them to each unit that gets a draft.
     *
     * @param parentAgencies the agencies directly under the parent plan's issuer
     */
    public static Source from(Unit parentIssuer, List<Unit> parentAgencies) {
        GovernmentArea area = GovernmentArea.of(parentIssuer);
        if (!area.known()) {
            return new Source(area, null, List.of());
        }
        String place = VietnameseText.fold(area.place());
        WrittenPattern government = names(List.of("ubnd " + area.levelFolded() + "(?: " + place + ")?",
                "uy ban nhan dan " + area.levelFolded() + "(?: " + place + ")?"));
        return new Source(area, government, parentAgencies.stream().map(agency -> new ParentAgency(VietnameseText.fold(agency.name()),
                names(namesOf(agency, area)))).toList());
    }

    /** A parent plan's names, ready to be re-targeted to each unit below. */
    public static final class Source {

        private final GovernmentArea area;
        private final WrittenPattern government;
        private final List<ParentAgency> agencies;

        private Source(GovernmentArea area, WrittenPattern government, List<ParentAgency> agencies) {
            this.area = area;
            this.government = government;
            this.agencies = agencies;
        }

        /** @param unitChildren the units directly under the unit: its agencies and the governments below it */
        public Retargeting to(Unit unit, List<Unit> unitChildren) {
            GovernmentArea unitArea = GovernmentArea.of(unit);
            if (!unit.isGovernment() || unitChildren.isEmpty() || !area.known() || !unitArea.known()) {
                return none();
            }
            List<Unit> unitAgencies = unitChildren.stream().filter(u -> !u.isGovernment()).toList();
            List<Rule> rules = new ArrayList<>();
            for (ParentAgency agency : agencies) {
                counterpart(agency, unitAgencies).ifPresent(counterpart -> rules.add(new Rule(agency.names(),
                        unitArea.withoutPlace(counterpart.name()))));
            }
            rules.add(new Rule(government, "UBND " + unitArea.level()));
            List<String> kinds = COMMUNE_KINDS.stream().filter(kind -> unitChildren.stream().anyMatch(u -> u.isGovernment()
                    && u.level() == UnitLevel.COMMUNE && GovernmentArea.of(u).level().equalsIgnoreCase(kind))).toList();
            if (!kinds.isEmpty()) {
                rules.add(new Rule(DISTRICTS, "UBND các " + String.join(", ", kinds)));
            }
            if (!unitAgencies.isEmpty()) {
                rules.add(new Rule(PROVINCIAL_AGENCIES, "các cơ quan, ban, ngành " + unitArea.level()));
            }
            return new Retargeting(rules);
        }
    }

    public List<Activity> apply(List<Activity> activities) {
        if (rules.isEmpty()) {
            return activities;
        }
        return activities.stream().map(a -> new Activity(a.label(), a.content(), a.product(), a.leadUnits().stream().map(this::apply).toList(),
                a.cooperatingUnits().stream().map(this::apply).toList(), a.timeframe())).toList();
    }

    /**
     * The text with every name a rule finds written the unit's way; where names overlap, the longest is taken. The
     * reporting clause goes through it too: "báo cáo về UBND tỉnh (qua Sở Nội vụ)" becomes "báo cáo về UBND huyện (qua
     * Phòng Nội vụ huyện)", so the unit's reports go to it through its own office.
     */
    public String apply(String text) {
        if (text == null || rules.isEmpty()) {
            return text;
        }
        String written = WrittenPattern.nfc(text);
        record Found(int start, int end, String replacement) {
        }
        List<Found> found = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(written);
            while (matcher.find()) {
                found.add(new Found(matcher.start(), matcher.end(), capitalisedLike(matcher.group(), rule.replacement())));
            }
        }
        found.sort(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt(Found::end).reversed()));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Found each : found) {
            if (each.start() >= at) {
                out.append(written, at, each.start()).append(each.replacement());
                at = each.end();
            }
        }
        return out.append(written.substring(at)).toString();
    }

    private static Optional<Unit> counterpart(ParentAgency parentAgency, List<Unit> unitAgencies) {
        for (Function function : FUNCTIONS) {
            if (function.parentWords().matcher(parentAgency.foldedName()).find()) {
                List<Unit> candidates = unitAgencies.stream().filter(u -> function.unitWords().matcher(VietnameseText.fold(u.name())).find())
                        .toList();
                if (candidates.size() == 1) {
                    return Optional.of(candidates.get(0));
                }
            }
        }
        return Optional.empty();
    }

    /** "so noi vu tinh binh phuoc", "so noi vu tinh", "so noi vu": how plans write a parent agency. */
    private static List<String> namesOf(Unit agency, GovernmentArea parentArea) {
        String name = VietnameseText.fold(agency.name());
        String place = VietnameseText.fold(parentArea.place());
        List<String> names = new ArrayList<>(List.of(name));
        for (String suffix : List.of(" " + parentArea.levelFolded() + " " + place, " " + place)) {
            if (!place.isEmpty() && name.endsWith(suffix)) {
                names.add(name.substring(0, name.length() - suffix.length()));
            }
        }
        return names;
    }

    /** One pattern finding any of the folded names, each a whole name, the longest where several fit. */
    private static WrittenPattern names(List<String> foldedNames) {
        return WrittenPattern.of("\\b(?:" + String.join("|", foldedNames.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) + ")\\b");
    }

    private static String capitalisedLike(String found, String replacement) {
        return Character.isUpperCase(found.charAt(0)) ? Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1) : replacement;
    }
}
