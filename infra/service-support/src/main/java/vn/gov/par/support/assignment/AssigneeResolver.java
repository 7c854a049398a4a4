package vn.gov.par.support.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.text.VietnameseText;

/**
 * Reads who a plan assigns an activity to, as the plan writes it ("Phòng Văn hóa - Thông tin huyện và
 * UBND các xã, thị trấn"), against the issuer's subtree: groups expand to their members, names match a
 * unit's name with or without its area ("Phòng Nội vụ" for "Phòng Nội vụ huyện Hớn Quản"), the issuer's
 * own units first. A name that fits several units equally, or none, stays unmatched.
 */
public final class AssigneeResolver {

    private static final String CUT = " | ";
    private static final List<UnitGroup> GROUP_ORDER = List.of(UnitGroup.RELATED_BODIES, UnitGroup.COMMUNES, UnitGroup.DISTRICTS,
            UnitGroup.PROVINCIAL_AGENCIES, UnitGroup.ISSUER_AGENCIES);
    private static final Set<String> FILLER = Set.of("va", "cac", "voi", "cung", "huyen", "tinh", "xa", "thi tran", "phuong", "cap",
            "thanh pho", "thi xa");

    private static final Pattern LEVEL_WORD = Pattern.compile("^(tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran)\\b");

    private final KnownUnit issuer;
    private final List<KnownUnit> subtree;
    private final Map<String, KnownUnit> byCode = new HashMap<>();
    /**
     * The names of the units near the issuer, then of the whole subtree, worked out once for all the texts of a plan:
     * worked out again for each text, with a scan of the subtree for each unit's parent, the thirteen texts of the
     * benchmark's national plan took 8.5 s instead of 0.4 s (docs/performance.md).
     */
    private final List<Names> tiers;

    /** @param subtree the issuer and the units below it; retired ones are named by no text any more */
    public AssigneeResolver(KnownUnit issuer, List<KnownUnit> subtree) {
        this.issuer = issuer;
        this.subtree = subtree.stream().filter(unit -> !unit.isRetired()).toList();
        this.subtree.forEach(unit -> byCode.putIfAbsent(unit.code(), unit));
        this.tiers = List.of(namesIn(nearIssuer()), namesIn(this.subtree));
    }

    public Assignees resolve(String assigneeText) {
        Set<KnownUnit> found = new LinkedHashSet<>();
        List<String> emptyGroups = new ArrayList<>();
        NamedGroups groups = groupsIn(assigneeText);
        groups.named().forEach((group, asWritten) -> {
            List<KnownUnit> members = group.members(issuer, subtree);
            found.addAll(members);
            if (group.namesSomebody() && members.isEmpty()) {
                emptyGroups.add(asWritten);
            }
        });
        String text = groups.rest();
        for (Names tier : tiers) {
            text = matchNames(text, tier, found);
        }
        return new Assignees(List.copyOf(found), leftovers(text), groups.named().containsKey(UnitGroup.RELATED_BODIES), emptyGroups);
    }

    /** The groups an assignee text names, each with its words as written (folded), and the text left for names. */
    public static NamedGroups groupsIn(String assigneeText) {
        Map<UnitGroup, String> named = new LinkedHashMap<>();
        String text = " " + VietnameseText.fold(assigneeText) + " ";
        for (UnitGroup group : GROUP_ORDER) {
            Matcher matcher = group.pattern().matcher(text);
            if (matcher.find()) {
                named.put(group, matcher.group());
                text = matcher.replaceAll(CUT);
            }
        }
        return new NamedGroups(named, text);
    }

    public record NamedGroups(Map<UnitGroup, String> named, String rest) {
    }

    /** The issuer and the units directly under it: "Phòng Nội vụ" in a district plan means the district's own. */
    private List<KnownUnit> nearIssuer() {
        return subtree.stream().filter(u -> u.code().equals(issuer.code()) || issuer.code().equals(u.parentCode())).toList();
    }

    /** The names the candidates go by, each with the units it fits, the longest first (a longer name is matched before its parts). */
    private record Names(Map<String, List<KnownUnit>> unitsByName, List<String> longestFirst) {
    }

    private Names namesIn(List<KnownUnit> candidates) {
        Map<String, List<KnownUnit>> byName = new LinkedHashMap<>();
        for (KnownUnit unit : candidates) {
            for (String name : namesOf(unit)) {
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(unit);
            }
        }
        return new Names(byName, byName.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    private static String matchNames(String text, Names candidates, Set<KnownUnit> found) {
        for (String name : candidates.longestFirst()) {
            List<KnownUnit> units = candidates.unitsByName().get(name);
            if (units.size() != 1 || !text.contains(name)) {
                continue;
            }
            // "Văn phòng HĐND và UBND huyện" and "Văn phòng UBND xã" name the office, not the issuer "UBND huyện" inside
            // it: when the office is not (yet) known, the text stays unmatched rather than assigning the work to the issuer.
            Matcher matcher = Pattern.compile("(?<!hdnd va |van phong )\\b" + Pattern.quote(name) + "\\b").matcher(text);
            if (matcher.find()) {
                found.add(units.get(0));
                text = matcher.replaceAll(CUT);
            }
        }
        return text;
    }

    /**
     * The ways a plan may name a unit: each way of writing its name (see {@link #writings}); an agency also without its
     * area ("phong noi vu" and "phong noi vu huyen" for "Phòng Nội vụ huyện Hớn Quản"); a government also without
     * "UBND" ("xa thanh an"), and the issuer as "UBND huyện".
     */
    private List<String> namesOf(KnownUnit unit) {
        List<String> names = new ArrayList<>();
        for (String name : writings(unit.name())) {
            names.addAll(namesOf(unit, name));
        }
        return names.stream().filter(n -> n.split(" ").length >= 2).distinct().toList();
    }

    /**
     * A name as the directory has it, folded, and with its two parts joined the other way: plans write "Phòng Văn hóa
     * và Thông tin" for "Phòng Văn hóa - Thông tin" and back, sometimes both in one plan.
     */
    private static List<String> writings(String name) {
        return List.of(VietnameseText.fold(name), VietnameseText.fold(name.replace(" - ", " và ")), VietnameseText.fold(name.replaceFirst(" và ", " - ")));
    }

    private List<String> namesOf(KnownUnit unit, String name) {
        List<String> names = new ArrayList<>(List.of(name));
        if (unit.isGovernment()) {
            String area = withoutGovernmentPrefix(name);
            names.add(area);
            if (unit.code().equals(issuer.code())) {
                names.add("ubnd " + levelWordOf(area));
            }
        } else {
            Optional.ofNullable(unit.parentCode()).map(byCode::get).ifPresent(government -> {
                String area = withoutGovernmentPrefix(VietnameseText.fold(government.name()));
                String place = area.substring(levelWordOf(area).length()).strip();
                for (String suffix : List.of(area, place)) {
                    if (!suffix.isEmpty() && name.endsWith(" " + suffix)) {
                        names.add(name.substring(0, name.length() - suffix.length() - 1));
                    }
                }
            });
        }
        return names;
    }

    private static String withoutGovernmentPrefix(String foldedName) {
        return foldedName.replaceFirst("^(ubnd|uy ban nhan dan) ", "");
    }

    private static String levelWordOf(String area) {
        Matcher level = LEVEL_WORD.matcher(area);
        return level.find() ? level.group(1) : "";
    }

    private static List<String> leftovers(String text) {
        List<String> pieces = new ArrayList<>();
        for (String piece : text.split("\\||,|;|\\bva\\b")) {
            String trimmed = piece.strip();
            if (!trimmed.isEmpty() && !FILLER.contains(trimmed)) {
                pieces.add(trimmed);
            }
        }
        return pieces;
    }
}
