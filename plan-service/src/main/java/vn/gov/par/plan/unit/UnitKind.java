package vn.gov.par.plan.unit;

/** A government (UBND of a province, district, commune) or an agency attached to one (sở, phòng, đài, trung tâm). */
public enum UnitKind {
    GOVERNMENT,
    AGENCY
}
