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
}
