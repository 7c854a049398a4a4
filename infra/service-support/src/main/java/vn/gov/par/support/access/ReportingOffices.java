package vn.gov.par.support.access;

import java.util.Set;

/**
 * The plans a unit follows without sitting above their units: those whose reporting clause names it as the office the
 * reports go through ("báo cáo UBND tỉnh qua Sở Nội vụ"). Overdue work and reports under such a plan are escalated to
 * that office, so its officials read them as the plan's issuer does; they change nothing of them.
 */
@FunctionalInterface
public interface ReportingOffices {

    /** For a service that keeps no plan's reporting office: no unit follows any plan that way. */
    ReportingOffices NONE = unitCode -> Set.of();

    /** The ids of the plans whose reports go through this unit; empty for a unit no plan names so. */
    Set<String> plansReportedThrough(String unitCode);
}
