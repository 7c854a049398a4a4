package vn.gov.par.support.assignment;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import vn.gov.par.support.directory.KnownUnit;

/**
 * The ways plans name a whole group of units, matched on folded text, and which units of the issuer's subtree each
 * one means. Plans list the kinds of a tier in any order, with commas, "và", or nothing between them
 * ("UBND các xã, phường, thị trấn", "các phường, xã", "Các Sở, ban ngành"), so each group is a list of kind words
 * rather than fixed phrases:
 * <ul>
 *   <li>communes: "[UBND] các" or "UBND cấp" then any of xã, phường, thị trấn; or "UBND" then two or more of them;</li>
 *   <li>districts: the same with huyện, quận, thị xã, thành phố;</li>
 *   <li>the province's agencies: "các sở" then any of ban, ngành, đoàn thể, [tỉnh];</li>
 *   <li>the issuer's own agencies: "các cơ quan" then any of ban, ngành, đoàn thể, đơn vị, [and a level word], or
 *       "các phòng[, ban] [chuyên môn] [huyện]";</li>
 *   <li>related bodies ("các cơ quan, đơn vị có liên quan", "các ban, ngành, đơn vị liên quan"): nobody in
 *       particular, so no one.</li>
 * </ul>
 * "cấp" needs "UBND" before it: "Đài truyền thanh cấp xã" names no commune.
 */
public enum UnitGroup {
    COMMUNES(tier("xa|phuong|thi tran"), (unit, issuer) -> unit.isGovernment() && "COMMUNE".equals(unit.level())),
    DISTRICTS(tier("huyen|quan|thi xa|thanh pho"), (unit, issuer) -> unit.isGovernment() && "DISTRICT".equals(unit.level())),
    PROVINCIAL_AGENCIES("cac so" + anyOf("ban|nganh|doan the") + "(?: tinh)?",
            (unit, issuer) -> !unit.isGovernment() && "PROVINCE".equals(unit.level())),
    ISSUER_AGENCIES("cac co quan" + anyOf("ban|nganh|doan the|don vi") + "(?: (?:huyen|quan|thi xa|thanh pho|tinh|xa|phuong|thi tran))?"
            + "|cac phong(?:" + Words.SEPARATOR + "ban)?(?: chuyen mon)?(?: huyen| thi xa| quan| thanh pho)?",
            (unit, issuer) -> !unit.isGovernment() && issuer.code().equals(unit.parentCode())),
    RELATED_BODIES("cac (?:" + Words.BODY + ")" + anyOf(Words.BODY) + " (?:co )?lien quan", (unit, issuer) -> false);

    private final Pattern pattern;
    private final BiPredicate<KnownUnit, KnownUnit> member;

    UnitGroup(String regex, BiPredicate<KnownUnit, KnownUnit> member) {
        this.pattern = Pattern.compile("\\b(?:" + regex + ")\\b");
        this.member = member;
    }

    /** Pattern fragments, in a holder because an enum's constants cannot read its own static fields. */
    private static final class Words {
        /** Between two words of a list: a comma, "và", or (a comma left out) a space. */
        static final String SEPARATOR = "(?: ?, ?| va | )";
        static final String BODY = "co quan|to chuc|don vi|ca nhan|ban|nganh|doan the";
        static final String GOVERNMENT = "(?:ubnd|uy ban nhan dan)";
    }

    /** The governments of one tier, named by a list of its kinds: see the class comment. */
    private static String tier(String kinds) {
        String kind = "(?:" + kinds + ")";
        String list = kind + "(?:" + Words.SEPARATOR + kind + ")*";
        return "(?:" + Words.GOVERNMENT + " )?cac " + list + "|" + Words.GOVERNMENT + " cap " + list + "|" + Words.GOVERNMENT + " " + kind
                + "(?: ?, ?| va )" + list;
    }

    private static String anyOf(String words) {
        return "(?:" + Words.SEPARATOR + "(?:" + words + "))*";
    }

    public Pattern pattern() {
        return pattern;
    }

    public boolean namesSomebody() {
        return this != RELATED_BODIES;
    }

    public List<KnownUnit> members(KnownUnit issuer, List<KnownUnit> subtree) {
        return subtree.stream().filter(unit -> includes(unit, issuer)).toList();
    }

    /** Whether the group, in a plan of this issuer, takes in this unit of the issuer's subtree. */
    public boolean includes(KnownUnit unit, KnownUnit issuer) {
        return !unit.isRetired() && !unit.code().equals(issuer.code()) && member.test(unit, issuer);
    }
}
