package vn.gov.par.console.services;

/** A service refused a call, or could not be reached; the page shows the problem instead of what it asked for. */
public class ServiceProblemException extends RuntimeException {

    private final Problem problem;

    public ServiceProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The problem, for a page to show where the refused action was asked (above its form, in its row); a token the
     * services no longer accept is thrown on instead, so that the official signs in again.
     */
    public Problem toShowInPlace() {
        if (problem.status() == 401) {
            throw this;
        }
        return problem;
    }
}
