package vn.gov.par.plan.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.text.VietnameseDates;

/**
 * The directory's changes other than an import, as the 2025 reform made them real: a unit renamed, moved under another
 * parent with every unit below it, or retired (dissolved, or merged into a successor). Each answers the units as they are to be written, or refuses with the reason before
 * anything is written; where a unit may sit is one rule with an import's ({@link Placement}).
 */
public final class UnitChanges {

    private static final int MAX_NAME = 200;

    private UnitChanges() {
    }

    /** The unit under its new name; nothing else about it, or below it, changes. */
    public static Unit renamed(Unit unit, String name) {
        refuseIfRetired(unit, "đổi tên");
        String newName = name == null ? "" : name.strip();
        if (newName.isEmpty() || newName.length() > MAX_NAME) {
            throw RuleViolationException.invalid("unit-name-invalid", "Tên đơn vị phải có từ 1 đến " + MAX_NAME + " ký tự.");
        }
        return new Unit(unit.code(), newName, unit.level(), unit.kind(), unit.parentCode(), unit.provinceCode(), unit.ancestorCodes(),
                unit.retirement(), unit.establishedOn());
    }

    /**
     * The unit under {@code parent}, then every unit below it with its path through the unit: all as they are to be
     * written, in that order (writing them again after a crash part-way finishes the move).
     *
     * @param descendants every unit below the unit, at any depth
     */
    public static List<Unit> moved(Unit unit, Unit parent, List<Unit> descendants) {
        refuseIfRetired(unit, "chuyển");
        if (parent.isRetired()) {
            throw RuleViolationException.invalid("parent-retired", "Không thể chuyển '" + unit.name() + "' vào '" + parent.name()
                    + "': đơn vị này " + retiredAs(parent) + ".");
        }
        refuseMisplacement(unit, parent);
        List<String> ancestors = new ArrayList<>(parent.ancestorCodes());
        ancestors.add(parent.code());
        // Levels only go down, so nothing below a unit that can be moved is a province: all of them belong to the moved
        // unit's province, which is the unit itself, or the parent's.
        String province = isProvince(unit) ? unit.code() : isProvince(parent) ? parent.code() : parent.provinceCode();
        Unit placed = new Unit(unit.code(), unit.name(), unit.level(), unit.kind(), parent.code(), province, List.copyOf(ancestors),
                unit.retirement(), unit.establishedOn());
        List<Unit> changed = new ArrayList<>(List.of(placed));
        for (Unit below : descendants) {
            List<String> path = new ArrayList<>(ancestors);
            path.addAll(below.ancestorCodes().subList(below.ancestorCodes().indexOf(unit.code()), below.ancestorCodes().size()));
            changed.add(new Unit(below.code(), below.name(), below.level(), below.kind(), below.parentCode(), province, List.copyOf(path),
                    below.retirement(), below.establishedOn()));
        }
        return changed;
    }

    /**
     * The unit retired on {@code on}, merged into {@code successor}, or dissolved when it is null. Asked again for the same
     * retirement (after a crash part-way through a merge), the unit as it is. Refused when it is retired otherwise already,
     * when units in service still sit below it (they are moved first), when the day is still to come, or when the
     * successor cannot take its work over (itself, retired, or of the other kind: a government's work goes to a government).
     *
     * @param inServiceBelow how many units in service sit below it, at any depth
     */
    public static Unit retired(Unit unit, LocalDate on, Unit successor, long inServiceBelow, LocalDate today) {
        if (on == null) {
            throw RuleViolationException.invalid("retired-on-missing", "Cần ngày giải thể (hoặc sáp nhập) của '" + unit.name() + "'.");
        }
        Retirement retirement = new Retirement(on, successor == null ? null : successor.code());
        if (retirement.equals(unit.retirement())) {
            return unit;
        }
        refuseIfRetired(unit, "giải thể, sáp nhập");
        if (on.isAfter(today)) {
            throw RuleViolationException.invalid("retired-on-future", "Ngày " + VietnameseDates.format(on)
                    + " chưa đến; ghi nhận việc giải thể hoặc sáp nhập từ ngày quyết định có hiệu lực.");
        }
        if (unit.establishedOn() != null && on.isBefore(unit.establishedOn())) {
            throw RuleViolationException.invalid("retired-before-established", "'" + unit.name() + "' thành lập ngày "
                    + VietnameseDates.format(unit.establishedOn()) + ", không thể giải thể hoặc sáp nhập từ ngày " + VietnameseDates.format(on) + ".");
        }
        if (inServiceBelow > 0) {
            throw RuleViolationException.conflict("units-below-in-service", "Không giải thể được '" + unit.name() + "': còn " + inServiceBelow
                    + " đơn vị trực thuộc đang hoạt động; hãy chuyển, sáp nhập hoặc giải thể các đơn vị đó trước.");
        }
        if (successor != null) {
            refuseAsSuccessor(unit, successor);
        }
        return unit.retired(retirement);
    }

    private static void refuseAsSuccessor(Unit unit, Unit successor) {
        if (successor.code().equals(unit.code())) {
            throw RuleViolationException.invalid("successor-is-self", "Không thể sáp nhập '" + unit.name() + "' vào chính nó.");
        }
        if (successor.isRetired()) {
            throw RuleViolationException.invalid("successor-retired", "Không thể sáp nhập '" + unit.name() + "' vào '" + successor.name()
                    + "': đơn vị này " + retiredAs(successor) + ".");
        }
        if (successor.kind() != unit.kind()) {
            throw RuleViolationException.invalid("successor-kind", "Không thể sáp nhập '" + unit.name() + "' vào '" + successor.name()
                    + "': đơn vị kế thừa phải là " + (unit.isGovernment() ? "chính quyền, không phải cơ quan." : "cơ quan, không phải chính quyền."));
        }
    }

    /** A retired unit is history: it reads as it was, and is not changed any more. */
    static void refuseIfRetired(Unit unit, String change) {
        if (unit.isRetired()) {
            throw RuleViolationException.conflict("unit-retired", "'" + unit.name() + "' " + retiredAs(unit) + "; không " + change + " được nữa.");
        }
    }

    /** "đã giải thể ngày 01/07/2025", or "đã sáp nhập vào đơn vị mã 26001 ngày 01/07/2025". */
    private static String retiredAs(Unit unit) {
        Retirement retirement = unit.retirement();
        return (retirement.successorCode() == null ? "đã giải thể" : "đã sáp nhập vào đơn vị mã " + retirement.successorCode())
                + " ngày " + VietnameseDates.format(retirement.retiredOn());
    }

    private static void refuseMisplacement(Unit unit, Unit parent) {
        if (parent.code().equals(unit.code()) || parent.ancestorCodes().contains(unit.code())) {
            throw RuleViolationException.invalid("move-into-own-subtree", "Không thể chuyển '" + unit.name() + "' vào '" + parent.name()
                    + "': đơn vị này nằm trong chính đơn vị được chuyển.");
        }
        switch (Placement.of(unit.level(), unit.kind(), parent.level(), parent.kind())) {
            case PARENT_IS_AGENCY -> throw RuleViolationException.invalid("parent-is-agency", "'" + parent.name()
                    + "' là cơ quan, không thể có đơn vị trực thuộc.");
            case GOVERNMENT_NOT_BELOW -> throw RuleViolationException.invalid("level-not-below", "Đơn vị " + unit.level().vietnamese()
                    + " '" + unit.name() + "' không thể trực thuộc đơn vị " + parent.level().vietnamese() + " '" + parent.name() + "'.");
            case AGENCY_NOT_AT_LEVEL -> throw RuleViolationException.invalid("level-not-below", "Cơ quan " + unit.level().vietnamese()
                    + " '" + unit.name() + "' phải trực thuộc đơn vị hành chính cùng cấp, không phải '" + parent.name() + "' ("
                    + parent.level().vietnamese() + ").");
            case ALLOWED -> { }
        }
    }

    private static boolean isProvince(Unit unit) {
        return unit.isGovernment() && unit.level() == UnitLevel.PROVINCE;
    }
}
