package vn.gov.par.localruntime;

import java.nio.file.Path;

/** The four domain services, each a Spring Boot jar built by the module of the same name. */
public enum ServiceModule {
    PLAN("plan-service", "PLAN_SERVICE_PORT", 8081, "par-plan"),
    TASK("task-service", "TASK_SERVICE_PORT", 8082, "par-task"),
    REPORT("report-service", "REPORT_SERVICE_PORT", 8083, "par-report"),
    NOTIFICATION("notification-service", "NOTIFICATION_SERVICE_PORT", 8084, "par-notification");

    private final String moduleName;
    private final String portVariable;
    private final int defaultPort;
    private final String databaseName;

    ServiceModule(String moduleName, String portVariable, int defaultPort, String databaseName) {
        this.moduleName = moduleName;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.databaseName = databaseName;
    }

    public String moduleName() {
        return moduleName;
    }

    public String portVariable() {
        return portVariable;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Services never share a database, so each gets its own on the one Mongo server. */
    public String databaseName() {
        return databaseName;
    }

    /** How the console is told where this service answers: PLAN_SERVICE_URL ... */
    public String urlVariable() {
        return portVariable.replace("_PORT", "_URL");
    }

    public Path jar(Path projectRoot) {
        return projectRoot.resolve(moduleName).resolve("target").resolve(moduleName + "-exec.jar");
    }
}
