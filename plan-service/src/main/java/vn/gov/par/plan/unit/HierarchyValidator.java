package vn.gov.par.plan.unit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an import against itself and the units already stored, and reports every bad row at once:
 * missing fields, a code that is not an official code's shape, unknown level or kind, duplicate codes, unknown parents, cycles, agencies with units
 * under them, a government unit not below its parent's level, an agency not at its parent's level, and
 * an existing unit moved to another parent (moving is not done by import: the units below it would
 * silently change province), a retired unit changed, and a new unit under a retired one. A retired unit imported again as
 * it is stays retired.
 */
public final class HierarchyValidator {

    public record Result(List<Unit> units, List<ImportRowError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    private record Candidate(UnitRow row, UnitLevel level, UnitKind kind, LocalDate establishedOn) {
        String code() {
            return row.code();
        }

        String parentCode() {
            return row.parentCode();
        }
    }

    /** Official codes ("70", "25480", "694-PNV", "70-SNV-BTĐKT"): a code also names the unit in URLs and event keys. */
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39}");

    private final Map<String, Unit> existing;
    private final List<ImportRowError> errors = new ArrayList<>();
    private final Map<String, Candidate> batch = new LinkedHashMap<>();

    private HierarchyValidator(Map<String, Unit> existing) {
        this.existing = existing;
    }

    public static Result validate(List<UnitRow> rows, Map<String, Unit> existing) {
        return new HierarchyValidator(existing).run(rows);
    }

    private Result run(List<UnitRow> rows) {
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        for (UnitRow row : rows) {
            readCandidate(row).ifPresent(candidate -> {
                Integer first = firstRowOfCode.putIfAbsent(candidate.code(), row.row());
                if (first != null) {
                    error(row, "code", "Mã đơn vị '" + row.code() + "' bị trùng với dòng " + first + ".");
                } else {
                    batch.put(candidate.code(), candidate);
                }
            });
        }
        batch.values().forEach(this::checkPlacement);
        if (!errors.isEmpty()) {
            return new Result(List.of(), sortedErrors());
        }
        return new Result(batch.values().stream().map(this::resolve).toList(), List.of());
    }

    private Optional<Candidate> readCandidate(UnitRow row) {
        int before = errors.size();
        require(row, "code", row.code());
        if (!blank(row.code()) && !CODE.matcher(row.code()).matches()) {
            error(row, "code", "Mã đơn vị '" + row.code() + "' chỉ được gồm chữ cái, chữ số và các dấu '-', '_', '.' (không có khoảng trắng, tối đa 40 ký tự).");
        }
        require(row, "name", row.name());
        UnitLevel level = parseEnum(row, "level", row.level(), UnitLevel.class);
        UnitKind kind = parseEnum(row, "kind", row.kind(), UnitKind.class);
        LocalDate establishedOn = parseDate(row, "establishedOn", row.establishedOn());
        return errors.size() == before ? Optional.of(new Candidate(row, level, kind, establishedOn)) : Optional.empty();
    }

    private void checkPlacement(Candidate candidate) {
        UnitRow row = candidate.row();
        Unit stored = existing.get(candidate.code());
        if (stored != null && !same(stored.parentCode(), candidate.parentCode())) {
            error(row, "parentCode", "Đơn vị '" + row.code() + "' đang trực thuộc '" + orNone(stored.parentCode())
                    + "'; việc chuyển sang đơn vị cha khác không thực hiện qua nhập tệp.");
            return;
        }
        if (stored != null && stored.isRetired() && !(stored.name().equals(row.name().strip()) && stored.level() == candidate.level()
                && stored.kind() == candidate.kind() && (candidate.establishedOn() == null || candidate.establishedOn().equals(stored.establishedOn())))) {
            error(row, "code", "Đơn vị '" + row.code() + "' đã giải thể; không sửa qua nhập tệp.");
            return;
        }
        Unit storedParent = blank(candidate.parentCode()) ? null : existing.get(candidate.parentCode());
        if (storedParent != null && storedParent.isRetired() && stored == null) {
            error(row, "parentCode", "Đơn vị cha '" + candidate.parentCode() + "' đã giải thể; không thêm đơn vị trực thuộc.");
            return;
        }
        if (blank(candidate.parentCode())) {
            if (candidate.kind() == UnitKind.AGENCY) {
                error(row, "parentCode", "Cơ quan '" + row.code() + "' phải trực thuộc một đơn vị hành chính.");
            }
            return;
        }
        Optional<UnitLevel> parentLevel = levelOf(candidate.parentCode());
        Optional<UnitKind> parentKind = kindOf(candidate.parentCode());
        if (parentLevel.isEmpty() || parentKind.isEmpty()) {
            error(row, "parentCode", "Đơn vị cha '" + candidate.parentCode() + "' không tồn tại.");
            return;
        }
        switch (Placement.of(candidate.level(), candidate.kind(), parentLevel.get(), parentKind.get())) {
            case PARENT_IS_AGENCY -> error(row, "parentCode", "Đơn vị cha '" + candidate.parentCode()
                    + "' là cơ quan, không thể có đơn vị trực thuộc.");
            case GOVERNMENT_NOT_BELOW -> error(row, "level", "Đơn vị " + candidate.level().vietnamese() + " '" + row.code()
                    + "' không thể trực thuộc đơn vị " + parentLevel.get().vietnamese() + " '" + candidate.parentCode() + "'.");
            case AGENCY_NOT_AT_LEVEL -> error(row, "level", "Cơ quan '" + row.code() + "' phải cùng cấp với đơn vị chủ quản '"
                    + candidate.parentCode() + "' (" + parentLevel.get().vietnamese() + ").");
            case ALLOWED -> { }
        }
        checkCycle(candidate);
    }

    private void checkCycle(Candidate candidate) {
        Set<String> seen = new LinkedHashSet<>();
        String code = candidate.code();
        while (code != null && seen.add(code)) {
            code = parentOf(code);
        }
        if (code != null && code.equals(candidate.code())) {
            error(candidate.row(), "parentCode", "Quan hệ trực thuộc tạo thành vòng lặp: " + String.join(" → ", seen) + " → " + code + ".");
        }
    }

    private Unit resolve(Candidate candidate) {
        List<String> ancestors = new ArrayList<>();
        for (String parent = candidate.parentCode(); !blank(parent); parent = parentOf(parent)) {
            ancestors.add(0, parent);
        }
        boolean isProvince = candidate.level() == UnitLevel.PROVINCE && candidate.kind() == UnitKind.GOVERNMENT;
        String province = isProvince ? candidate.code()
                : ancestors.stream().filter(code -> levelOf(code).orElse(null) == UnitLevel.PROVINCE).findFirst()
                        .orElse(ancestors.isEmpty() ? candidate.code() : ancestors.get(0));
        Unit stored = existing.get(candidate.code());
        // A file without the day keeps the one recorded before.
        LocalDate establishedOn = candidate.establishedOn() != null ? candidate.establishedOn() : stored == null ? null : stored.establishedOn();
        return new Unit(candidate.code(), candidate.row().name().strip(), candidate.level(), candidate.kind(),
                blank(candidate.parentCode()) ? null : candidate.parentCode(), province, List.copyOf(ancestors),
                stored == null ? null : stored.retirement(), establishedOn);
    }

    private String parentOf(String code) {
        Candidate candidate = batch.get(code);
        if (candidate != null) {
            return blank(candidate.parentCode()) ? null : candidate.parentCode();
        }
        Unit unit = existing.get(code);
        return unit == null ? null : unit.parentCode();
    }

    private Optional<UnitLevel> levelOf(String code) {
        Candidate candidate = batch.get(code);
        return candidate != null ? Optional.of(candidate.level()) : Optional.ofNullable(existing.get(code)).map(Unit::level);
    }

    private Optional<UnitKind> kindOf(String code) {
        Candidate candidate = batch.get(code);
        return candidate != null ? Optional.of(candidate.kind()) : Optional.ofNullable(existing.get(code)).map(Unit::kind);
    }

    private void require(UnitRow row, String field, String value) {
        if (blank(value)) {
            error(row, field, "Thiếu trường bắt buộc '" + field + "'.");
        }
    }

    private static final DateTimeFormatter AS_WRITTEN = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** An optional day, as officials write it (dd/MM/yyyy) or as ISO (yyyy-MM-dd). */
    private LocalDate parseDate(UnitRow row, String field, String value) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        try {
            return text.contains("/") ? LocalDate.parse(text, AS_WRITTEN) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            error(row, field, "Ngày thành lập '" + text + "' không đúng dạng dd/MM/yyyy.");
            return null;
        }
    }

    private <E extends Enum<E>> E parseEnum(UnitRow row, String field, String value, Class<E> type) {
        if (blank(value)) {
            error(row, field, "Thiếu trường bắt buộc '" + field + "'.");
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(row, field, "Giá trị '" + value + "' không hợp lệ cho '" + field + "'; chấp nhận: "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ".");
            return null;
        }
    }

    private void error(UnitRow row, String field, String message) {
        errors.add(new ImportRowError(row.row(), row.code(), field, message));
    }

    private List<ImportRowError> sortedErrors() {
        return errors.stream().sorted(java.util.Comparator.comparingInt(ImportRowError::row)).toList();
    }

    private static boolean same(String a, String b) {
        return (blank(a) && blank(b)) || (a != null && a.equals(b));
    }

    private static String orNone(String code) {
        return blank(code) ? "(không có)" : code;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
