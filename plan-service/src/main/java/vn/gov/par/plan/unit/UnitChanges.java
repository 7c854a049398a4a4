package vn.gov.par.plan.unit;

import java.util.ArrayList;
import java.util.List;

import vn.gov.par.support.domain.RuleViolationException;

/**
 * The directory's changes other than an import, as the 2025 reform made them real: a unit renamed, or moved under another
 * parent with every unit below it. Each answers the units as they are to be written, or refuses with the reason before
 * anything is written; where a unit may sit is one rule with an import's ({@link Placement}).
 */
public final class UnitChanges {

    private static final int MAX_NAME = 200;

    private UnitChanges() {
    }

    /** The unit under its new name; nothing else about it, or below it, changes. */
    public static Unit renamed(Unit unit, String name) {
        String newName = name == null ? "" : name.strip();
        if (newName.isEmpty() || newName.length() > MAX_NAME) {
            throw RuleViolationException.invalid("unit-name-invalid", "Tên đơn vị phải có từ 1 đến " + MAX_NAME + " ký tự.");
        }
        return new Unit(unit.code(), newName, unit.level(), unit.kind(), unit.parentCode(), unit.provinceCode(), unit.ancestorCodes());
    }

    /**
     * The unit under {@code parent}, then every unit below it with its path through the unit: all as they are to be
     * written, in that order (writing them again after a crash part-way finishes the move).
     *
     * @param descendants every unit below the unit, at any depth
     */
    public static List<Unit> moved(Unit unit, Unit parent, List<Unit> descendants) {
        refuseMisplacement(unit, parent);
        List<String> ancestors = new ArrayList<>(parent.ancestorCodes());
        ancestors.add(parent.code());
        // Levels only go down, so nothing below a unit that can be moved is a province: all of them belong to the moved
        // unit's province, which is the unit itself, or the parent's.
        String province = isProvince(unit) ? unit.code() : isProvince(parent) ? parent.code() : parent.provinceCode();
        Unit placed = new Unit(unit.code(), unit.name(), unit.level(), unit.kind(), parent.code(), province, List.copyOf(ancestors));
        List<Unit> changed = new ArrayList<>(List.of(placed));
        for (Unit below : descendants) {
            List<String> path = new ArrayList<>(ancestors);
            path.addAll(below.ancestorCodes().subList(below.ancestorCodes().indexOf(unit.code()), below.ancestorCodes().size()));
            changed.add(new Unit(below.code(), below.name(), below.level(), below.kind(), below.parentCode(), province, List.copyOf(path)));
        }
        return changed;
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
