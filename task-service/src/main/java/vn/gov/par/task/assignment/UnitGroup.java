package vn.gov.par.task.assignment;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import vn.gov.par.support.directory.KnownUnit;

/**
 * The ways plans name a whole group of units ("UBND các xã, thị trấn", "các cơ quan, ban, ngành huyện",
 * "Các Sở, ban, ngành"), matched on folded text, and which units of the issuer's subtree each one means.
 * A vague group ("các cơ quan, đơn vị liên quan") names nobody in particular and expands to no one.
 */
enum UnitGroup {
    // "UBND xã Thanh An" names one commune: only "các"/"cấp", or a list of kinds, makes it a group.
    COMMUNES("ubnd (?:cac|cap) xa(?: ?, ?phuong)?(?: ?, ?thi tran)?|ubnd xa ?, ?(?:phuong ?, ?)?thi tran|cac xa(?: ?, ?phuong)?(?: ?, ?thi tran)?",
            (unit, issuer) -> unit.isGovernment() && "COMMUNE".equals(unit.level())),
    DISTRICTS("ubnd (?:cac|cap) huyen(?: ?, ?thi xa)?(?: ?, ?thanh pho)?|ubnd huyen ?, ?thi xa(?: ?, ?thanh pho)?",
            (unit, issuer) -> unit.isGovernment() && "DISTRICT".equals(unit.level())),
    PROVINCIAL_AGENCIES("cac so(?: ?, ?ban)?(?: ?, ?nganh)?(?: tinh)?",
            (unit, issuer) -> !unit.isGovernment() && "PROVINCE".equals(unit.level())),
    ISSUER_AGENCIES("cac co quan(?: ?, ?ban)?(?: ?, ?nganh)?(?: ?, ?doan the)?(?: huyen| tinh| xa)?(?! ?, ?don vi)|cac phong(?: ?, ?ban)?(?: chuyen mon)?(?: huyen)?",
            (unit, issuer) -> !unit.isGovernment() && issuer.code().equals(unit.parentCode())),
    RELATED_BODIES("cac co quan(?: ?, ?to chuc)?(?: ?, ?don vi)?(?: ?, ?ca nhan)? (?:co )?lien quan|cac don vi (?:co )?lien quan",
            (unit, issuer) -> false);

    private final Pattern pattern;
    private final BiPredicate<KnownUnit, KnownUnit> member;

    UnitGroup(String regex, BiPredicate<KnownUnit, KnownUnit> member) {
        this.pattern = Pattern.compile("\\b(?:" + regex + ")\\b");
        this.member = member;
    }

    Pattern pattern() {
        return pattern;
    }

    boolean namesSomebody() {
        return this != RELATED_BODIES;
    }

    List<KnownUnit> members(KnownUnit issuer, List<KnownUnit> subtree) {
        return subtree.stream().filter(unit -> includes(unit, issuer)).toList();
    }

    /** Whether the group, in a plan of this issuer, takes in this unit of the issuer's subtree. */
    boolean includes(KnownUnit unit, KnownUnit issuer) {
        return !unit.code().equals(issuer.code()) && member.test(unit, issuer);
    }
}
