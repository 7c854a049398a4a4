package vn.gov.par.plan.unit.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.gov.par.plan.unit.Retirement;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;

/** A unit and everything below it, nested, for a screen to draw in one call. */
record UnitTreeNode(String code, String name, UnitLevel level, UnitKind kind, Retirement retirement, List<UnitTreeNode> children) {

    static UnitTreeNode of(Unit root, List<Unit> descendants) {
        Map<String, List<Unit>> byParent = descendants.stream().collect(Collectors.groupingBy(Unit::parentCode));
        return build(root, byParent);
    }

    private static UnitTreeNode build(Unit unit, Map<String, List<Unit>> byParent) {
        List<UnitTreeNode> children = byParent.getOrDefault(unit.code(), List.of()).stream().map(u -> build(u, byParent)).toList();
        return new UnitTreeNode(unit.code(), unit.name(), unit.level(), unit.kind(), unit.retirement(), children);
    }
}
