package vn.gov.par.localruntime;

/** Asks a started component whether it can serve requests yet; an exception means "not yet". */
@FunctionalInterface
public interface ReadinessProbe {
    boolean isReady() throws Exception;
}
