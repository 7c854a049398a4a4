package vn.gov.par.plan.plan;

/** The indices whose results a plan promises to communicate. */
public enum PerformanceIndex {
    PAR_INDEX,
    SIPAS,
    PAPI,
    PCI,
    DDCI,
    DTI,
    ICT_INDEX
}
