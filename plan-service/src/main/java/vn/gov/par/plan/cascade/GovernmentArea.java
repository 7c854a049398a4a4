package vn.gov.par.plan.cascade;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.gov.par.plan.unit.Unit;
import vn.gov.par.support.text.VietnameseText;

/**
 * A government's area as its name writes it: "huyện Hớn Quản" for "UBND huyện Hớn Quản", its level "huyện" and its place
 * "Hớn Quản"; level and place are empty for a name without a level word ("Chính phủ").
 */
record GovernmentArea(String written, String level, String place) {

    private static final Pattern GOVERNMENT_PREFIX = Pattern.compile("^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEVEL_WORD = Pattern.compile("^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\\s+(.*)$",
            Pattern.CASE_INSENSITIVE);

    static GovernmentArea of(Unit government) {
        String written = GOVERNMENT_PREFIX.matcher(government.name().strip()).replaceFirst("");
        Matcher matcher = LEVEL_WORD.matcher(written);
        return matcher.matches() ? new GovernmentArea(written, matcher.group(1).toLowerCase(Locale.forLanguageTag("vi")), matcher.group(2))
                : new GovernmentArea(written, "", "");
    }

    boolean known() {
        return !level.isEmpty();
    }

    String levelFolded() {
        return VietnameseText.fold(level);
    }

    /** "Phòng Nội vụ huyện" for "Phòng Nội vụ huyện Hớn Quản": how the area's own plan names its agency. */
    String withoutPlace(String agencyName) {
        return !place.isEmpty() && agencyName.endsWith(" " + place) ? agencyName.substring(0, agencyName.length() - place.length() - 1)
                : agencyName;
    }
}
