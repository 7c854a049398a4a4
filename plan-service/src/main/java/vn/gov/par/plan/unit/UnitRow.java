package vn.gov.par.plan.unit;

/**
 * One row of an import, as read, before validation; {@code row} is its 1-based line among the data rows.
 *
 * @param establishedOn the optional day the unit came into being, as written (dd/MM/yyyy or yyyy-MM-dd)
 */
public record UnitRow(int row, String code, String name, String level, String kind, String parentCode, String establishedOn) {
}
