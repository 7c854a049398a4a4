package vn.gov.par.notification.contact;

/** A person responsible for PAR communication at a unit. */
public record Contact(String name, String position, String email) {
}
