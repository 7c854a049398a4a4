package vn.gov.par.plan.cascade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /** A function an agency serves: words its name has in the parent's directory, and in the unit's (folded regexes). */
    private record Function(String parentWords, String unitWords) {
    }

    /** Functions in the order they are tried; the first that names exactly one of the unit's agencies decides. */
    static final List<Function> FUNCTIONS = List.of(
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

    private static final Pattern GOVERNMENT_PREFIX = Pattern.compile("^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEVEL_WORD = Pattern.compile("^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\\s+(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> COMMUNE_KINDS = List.of("xã", "phường", "thị trấn");

    /** A name to find, and what to write instead. */
    private record Rule(WrittenPattern pattern, String replacement) {
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
     * @param parentAgencies the agencies directly under the parent plan's issuer
     * @param unitChildren   the units directly under the unit: its agencies and the governments below it
     */
    public static Retargeting between(Unit parentIssuer, List<Unit> parentAgencies, Unit unit, List<Unit> unitChildren) {
        Area parentArea = Area.of(parentIssuer);
        Area unitArea = Area.of(unit);
        if (!unit.isGovernment() || unitChildren.isEmpty() || parentArea.level().isEmpty() || unitArea.level().isEmpty()) {
            return none();
        }
        List<Unit> unitAgencies = unitChildren.stream().filter(u -> !u.isGovernment()).toList();
        List<Rule> rules = new ArrayList<>();
        for (Unit agency : parentAgencies) {
            counterpart(agency, unitAgencies).ifPresent(counterpart -> {
                String replacement = unitArea.withoutPlace(counterpart.name());
                namesOf(agency, parentArea).forEach(name -> rules.add(rule(name, replacement)));
            });
        }
        for (String name : List.of("ubnd " + parentArea.levelFolded(), "uy ban nhan dan " + parentArea.levelFolded())) {
            rules.add(rule(name + "(?: " + VietnameseText.fold(parentArea.place()) + ")?", "UBND " + unitArea.level()));
        }
        List<String> kinds = COMMUNE_KINDS.stream().filter(kind -> unitChildren.stream().anyMatch(u -> u.isGovernment()
                && u.level() == UnitLevel.COMMUNE && Area.of(u).level().equalsIgnoreCase(kind))).toList();
        if (!kinds.isEmpty()) {
            rules.add(new Rule(groupPattern(UnitGroup.DISTRICTS), "UBND các " + String.join(", ", kinds)));
        }
        if (!unitAgencies.isEmpty()) {
            rules.add(new Rule(groupPattern(UnitGroup.PROVINCIAL_AGENCIES), "các cơ quan, ban, ngành " + unitArea.level()));
        }
        return new Retargeting(rules);
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

    private static Optional<Unit> counterpart(Unit parentAgency, List<Unit> unitAgencies) {
        String parentName = VietnameseText.fold(parentAgency.name());
        for (Function function : FUNCTIONS) {
            if (Pattern.compile(function.parentWords()).matcher(parentName).find()) {
                Pattern unitWords = Pattern.compile(function.unitWords());
                List<Unit> candidates = unitAgencies.stream().filter(u -> unitWords.matcher(VietnameseText.fold(u.name())).find()).toList();
                if (candidates.size() == 1) {
                    return Optional.of(candidates.get(0));
                }
            }
        }
        return Optional.empty();
    }

    /** "so noi vu tinh binh phuoc", "so noi vu tinh", "so noi vu": how plans write a parent agency. */
    private static List<String> namesOf(Unit agency, Area parentArea) {
        String name = VietnameseText.fold(agency.name());
        String place = VietnameseText.fold(parentArea.place());
        String level = parentArea.levelFolded();
        List<String> names = new ArrayList<>(List.of(name));
        for (String suffix : List.of(" " + level + " " + place, " " + place)) {
            if (!place.isEmpty() && name.endsWith(suffix)) {
                names.add(name.substring(0, name.length() - suffix.length()));
            }
        }
        return names;
    }

    private static Rule rule(String foldedName, String replacement) {
        return new Rule(WrittenPattern.of("\\b(?:" + foldedName + ")\\b"), replacement);
    }

    private static WrittenPattern groupPattern(UnitGroup group) {
        return WrittenPattern.of(group.pattern().pattern());
    }

    private static String capitalisedLike(String found, String replacement) {
        return Character.isUpperCase(found.charAt(0)) ? Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1) : replacement;
    }

    /** A government's area as its name writes it: "huyện" and "Hớn Quản" for "UBND huyện Hớn Quản". */
    private record Area(String level, String place) {

        static Area of(Unit government) {
            Matcher matcher = LEVEL_WORD.matcher(GOVERNMENT_PREFIX.matcher(government.name().strip()).replaceFirst(""));
            return matcher.matches() ? new Area(matcher.group(1).toLowerCase(Locale.forLanguageTag("vi")), matcher.group(2))
                    : new Area("", "");
        }

        String levelFolded() {
            return VietnameseText.fold(level);
        }

        /** "Phòng Nội vụ huyện" for "Phòng Nội vụ huyện Hớn Quản": how the unit's own plan names its agency. */
        String withoutPlace(String agencyName) {
            return !place.isEmpty() && agencyName.endsWith(" " + place) ? agencyName.substring(0, agencyName.length() - place.length() - 1)
                    : agencyName;
        }
    }
}
