package vn.gov.par.driver;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated administrative hierarchy at national scale, as the CSV that plan-service imports: one central
 * unit, provinces with their agencies (sở), districts with their offices (phòng) where the hierarchy has three
 * tiers, and communes spread evenly below them.
 *
 * @param name       how the workload is called in the results
 * @param rows       the CSV lines, header first
 * @param provinces  how many provinces; the rest likewise
 */
public record NationalHierarchy(String name, List<String> rows, int provinces, int districts, int communes, int agencies) {

    public static final String CENTRAL_CODE = "TW";
    private static final int AGENCIES_PER_PROVINCE = 20;
    private static final int OFFICES_PER_DISTRICT = 5;

    /** Since 1 July 2025: 34 provinces and about 3,321 communes, about 20 agencies per province. */
    public static NationalHierarchy twoTier(double scale) {
        return generate("national two-tier", scaled(34, scale), 0, scaled(3321, scale));
    }

    /** Before 2025: 63 provinces, about 700 districts and 10,000 communes, with their agencies and offices. */
    public static NationalHierarchy threeTier(double scale) {
        return generate("national three-tier", scaled(63, scale), scaled(700, scale), scaled(10_000, scale));
    }

    public int units() {
        return rows.size() - 1;
    }

    /** Every unit's code, the centre first. */
    public List<String> unitCodes() {
        return rows.subList(1, rows.size()).stream().map(row -> row.substring(0, row.indexOf(','))).toList();
    }

    public String csv() {
        return String.join("\n", rows) + "\n";
    }

    /** Units that owe a sub-plan once every plan above them is issued: everyone but the centre. */
    public int obligedUnits() {
        return units() - 1;
    }

    private static int scaled(int count, double scale) {
        return Math.max(1, (int) Math.round(count * scale));
    }

    private static NationalHierarchy generate(String name, int provinces, int districts, int communes) {
        List<String> rows = new ArrayList<>();
        rows.add("code,name,level,kind,parentCode");
        rows.add(CENTRAL_CODE + ",Chính phủ,CENTRAL,GOVERNMENT,");
        int agencies = 0;
        List<String[]> communeParents = new ArrayList<>();
        for (int p = 1; p <= provinces; p++) {
            String province = "T%02d".formatted(p);
            String provinceName = "tỉnh Thử Nghiệm %02d".formatted(p);
            rows.add(row(province, "UBND " + provinceName, "PROVINCE", "GOVERNMENT", CENTRAL_CODE));
            for (int a = 1; a <= AGENCIES_PER_PROVINCE; a++, agencies++) {
                rows.add(row(province + "-S%02d".formatted(a), "Sở Chuyên ngành %02d %s".formatted(a, provinceName), "PROVINCE", "AGENCY",
                        province));
            }
            if (districts == 0) {
                communeParents.add(new String[] {province, provinceName});
            }
        }
        for (int d = 0; d < districts; d++) {
            String province = "T%02d".formatted(d % provinces + 1);
            String district = province + "-H%03d".formatted(d / provinces + 1);
            String districtName = "huyện Thử Nghiệm %03d tỉnh Thử Nghiệm %s".formatted(d / provinces + 1, province.substring(1));
            rows.add(row(district, "UBND " + districtName, "DISTRICT", "GOVERNMENT", province));
            for (int o = 1; o <= OFFICES_PER_DISTRICT; o++, agencies++) {
                rows.add(row(district + "-P%d".formatted(o), "Phòng Chuyên môn %d %s".formatted(o, districtName), "DISTRICT", "AGENCY", district));
            }
            communeParents.add(new String[] {district, districtName});
        }
        for (int c = 0; c < communes; c++) {
            String[] parent = communeParents.get(c % communeParents.size());
            rows.add(row(parent[0] + "-X%04d".formatted(c + 1), "UBND xã Thử Nghiệm %04d %s".formatted(c + 1, parent[1]), "COMMUNE",
                    "GOVERNMENT", parent[0]));
        }
        return new NationalHierarchy(name, List.copyOf(rows), provinces, districts, communes, agencies);
    }

    private static String row(String code, String name, String level, String kind, String parent) {
        return String.join(",", code, name, level, kind, parent);
    }
}
