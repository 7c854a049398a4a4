package vn.gov.par.localruntime;

/** The table printed once everything is up: where each part listens and where its files are. */
final class EndpointSummary {

    private EndpointSummary() {
    }

    static String render(PlatformSettings settings) {
        StringBuilder table = new StringBuilder();
        row(table, "Console (open this)", settings.consoleUrl() + "  (sign in as honquan.lanhdao / demo; the APIs too: "
                + settings.consoleUrl() + "/api/...)");
        row(table, "Kafka bootstrap", settings.kafkaBootstrapServers());
        row(table, "MongoDB", "mongodb://localhost:" + settings.mongoPort()
                + "  (one database per service: par-plan, par-task, par-report, par-notification)");
        row(table, "SMTP", "localhost:" + settings.smtpPort());
        row(table, "IMAP", "localhost:" + settings.imapPort()
                + "  (user = the recipient's e-mail address, any password)");
        String mailApi = settings.mailApiUrl().toString();
        row(table, "GreenMail REST API", mailApi + "  (messages: GET " + mailApi + "api/user/<e-mail>/messages/)");
        String keycloak = settings.keycloakUrl().toString();
        row(table, "Keycloak (sign-in)", settings.issuerUri() + "  (realm par; demo users, password demo: see the README)");
        row(table, "", keycloak + "/admin  (admin / admin, this machine only)");
        row(table, "", settings.issuerUri() + "/protocol/openid-connect/token  (client_id=par-cli)");
        for (ServiceModule module : ServiceModule.values()) {
            String base = settings.serviceBaseUrl(module).toString();
            row(table, module.moduleName(), base);
            row(table, "", base + "/swagger-ui.html");
            row(table, "", base + "/actuator/health");
            row(table, "", base + "/actuator/prometheus");
        }
        row(table, "Data folder", settings.dataDir().toString());
        row(table, "Logs", settings.logDir().resolve("<component>.log").toString());
        return table.toString();
    }

    private static void row(StringBuilder table, String what, String where) {
        table.append(String.format("  %-22s %s%n", what, where));
    }
}
