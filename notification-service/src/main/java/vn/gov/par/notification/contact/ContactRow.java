package vn.gov.par.notification.contact;

/**
 * One row of a contacts import: {@code unitCode,name,position,email}. A row without a name is the unit's
 * own mailbox.
 */
public record ContactRow(int row, String unitCode, String name, String position, String email) {
}
