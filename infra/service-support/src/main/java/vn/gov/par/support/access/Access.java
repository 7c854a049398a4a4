package vn.gov.par.support.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one signed-in official may read and change, after DHIS2's capture and view units: it sees its own unit and
 * every unit below it, and the issued plans of the units above it (the plans it implements); it changes only what its
 * own unit owns, with the role the change needs; an administrator keeps the directory, contacts and calendar of its
 * subtree. Where units sit comes from the service's own units directory, never from the token. The office a plan's
 * reporting clause names ("qua Sở Nội vụ") reads the work and reports under that plan too ({@link ReportingOffices}),
 * as it is the one told when they are late.
 *
 * <p>Reading something outside what one sees is answered as if it did not exist (404), so no one learns which plans or
 * reports another province has; changing something one sees but may not change is refused (403) with the reason.
 */
public final class Access {

    private final Official official;
    private final UnitLineage lineage;
    private final ReportingOffices offices;
    private List<String> ancestors;
    private Set<String> plansReportedThrough;
    private Set<String> subtree;
    private Boolean seesEverything;

    /** For a service where no plan's work is read through its reporting office (plan-service: plans are read by issuer). */
    public Access(Official official, UnitLineage lineage) {
        this(official, lineage, ReportingOffices.NONE);
    }

    public Access(Official official, UnitLineage lineage, ReportingOffices offices) {
        this.official = official;
        this.lineage = lineage;
        this.offices = offices;
    }

    public Official official() {
        return official;
    }

    /** The official's unit, null when the account has none. */
    public String unitCode() {
        return official.unitCode();
    }

    /** Whether the unit is the official's own or one below it. */
    public boolean sees(String unitCode) {
        return official.unitCode() != null && unitCode != null
                && (unitCode.equals(official.unitCode()) || lineage.ancestorsOf(unitCode).orElse(List.of()).contains(official.unitCode()));
    }

    /** The same, for a resource that carries the codes of the units above its own (none when it carries null). */
    public boolean sees(String unitCode, List<String> unitAncestors) {
        return official.unitCode() != null && (official.unitCode().equals(unitCode)
                || unitAncestors != null && unitAncestors.contains(official.unitCode()));
    }

    /**
     * Whether the official reads something of a unit under a plan (a task, a report): it sees the unit, or its own unit is
     * the office the plan's reports go through.
     *
     * @param unitAncestors the codes of the units above the thing's unit, as the thing carries them
     */
    public boolean reads(String unitCode, List<String> unitAncestors, String planId) {
        return sees(unitCode, unitAncestors) || planId != null && plansReportedThrough().contains(planId);
    }

    /** The plans whose reports go through the official's unit ({@link ReportingOffices}); their work it reads whatever its unit. */
    public Set<String> plansReportedThrough() {
        if (plansReportedThrough == null) {
            plansReportedThrough = official.unitCode() == null ? Set.of() : offices.plansReportedThrough(official.unitCode());
        }
        return plansReportedThrough;
    }

    /** Whether the unit is one of those above the official's own: its issued plans are the ones the official implements. */
    public boolean isAbove(String unitCode) {
        return ancestors().contains(unitCode);
    }

    /** The units above the official's own, from the root down. */
    public List<String> ancestors() {
        if (ancestors == null) {
            ancestors = official.unitCode() == null ? List.of() : lineage.ancestorsOf(official.unitCode()).orElse(List.of());
        }
        return ancestors;
    }

    /** The official's unit and every unit below it; empty without a unit the directory knows. */
    public Set<String> subtree() {
        if (subtree == null) {
            subtree = official.unitCode() == null ? Set.of() : lineage.subtreeOf(official.unitCode());
        }
        return subtree;
    }

    /**
     * Whether the official's unit heads the whole directory, so that a list needs no filter at all; a directory with
     * several units at the top (provinces loaded before the centre) has no such head.
     */
    public boolean seesEverything() {
        if (seesEverything == null) {
            seesEverything = official.unitCode() != null && lineage.headsEverything(official.unitCode());
        }
        return seesEverything;
    }

    /**
     * Refuses unless the official acts for the owning unit with the role the change needs.
     *
     * @param action what is being done, as the refusal names it ("ban hành kế hoạch")
     */
    public void requireActsFor(String ownerUnitCode, Role role, String action) {
        requireUnit();
        if (!official.unitCode().equals(ownerUnitCode)) {
            throw new AccessRefusedException("not-own-unit", "Chỉ " + role.title() + " của đơn vị " + ownerUnitCode + " mới được " + action
                    + "; tài khoản của bạn thuộc đơn vị " + official.unitCode() + ".");
        }
        requireRole(role, action);
    }

    /** Refuses unless the official is an administrator of a unit at or above this one. */
    public void requireAdministers(String unitCode, String action) {
        requireUnit();
        requireRole(Role.QUAN_TRI, action);
        if (!sees(unitCode)) {
            throw new AccessRefusedException("outside-subtree", "Chỉ quản trị của đơn vị " + unitCode + " hoặc đơn vị cấp trên mới được "
                    + action + "; đơn vị này không thuộc phạm vi quản lý của tài khoản (" + official.unitCode() + ").");
        }
    }

    /**
     * Refuses unless the official is an administrator and each of these units is its own or below it, as they will sit
     * once changed (so an administrator of the whole country can load a directory that is still empty).
     *
     * @param ancestorsByUnit each unit's code, with the codes of the units above it
     */
    public void requireAdministersAll(Map<String, List<String>> ancestorsByUnit, String action) {
        requireUnit();
        requireRole(Role.QUAN_TRI, action);
        List<String> outside = ancestorsByUnit.entrySet().stream().filter(unit -> !sees(unit.getKey(), unit.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        if (!outside.isEmpty()) {
            throw new AccessRefusedException("outside-subtree", "Tài khoản quản trị của đơn vị " + official.unitCode() + " chỉ được "
                    + action + " trong phạm vi đơn vị mình và cấp dưới; các đơn vị sau nằm ngoài phạm vi đó: " + String.join(", ", outside) + ".");
        }
    }

    /** Refuses unless the official administers the unit at the head of the directory: for what holds nationwide. */
    public void requireAdministersEverything(String action) {
        requireUnit();
        requireRole(Role.QUAN_TRI, action);
        if (!seesEverything()) {
            throw new AccessRefusedException("outside-subtree", "Chỉ quản trị cấp cao nhất mới được " + action
                    + " vì thay đổi này áp dụng cho cả nước; tài khoản của bạn thuộc đơn vị " + official.unitCode() + ".");
        }
    }

    private void requireRole(Role role, String action) {
        if (!official.has(role)) {
            throw new AccessRefusedException("role-required", "Cần quyền " + role.title() + " (" + role.name() + ") để " + action + ".");
        }
    }

    private void requireUnit() {
        if (official.unitCode() == null) {
            throw new AccessRefusedException("no-unit", "Tài khoản của bạn chưa được gắn với đơn vị nào (thuộc tính unit_code); "
                    + "vui lòng liên hệ quản trị viên.");
        }
    }
}
