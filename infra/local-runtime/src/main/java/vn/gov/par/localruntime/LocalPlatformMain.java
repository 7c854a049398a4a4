package vn.gov.par.localruntime;

import java.io.IOException;

/**
 * What run-local.sh runs: starts the whole platform, loads the demo hierarchy into an empty
 * plan-service, prints where everything listens, and keeps running until Ctrl-C.
 */
public final class LocalPlatformMain {

    private LocalPlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // The readiness probes' Kafka and Mongo clients log every connection at INFO; keep the console for people.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");

        PlatformSettings settings;
        try {
            settings = PlatformSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalPlatform platform = new LocalPlatform(settings, System.out);
        // Runs on Ctrl-C, on SIGTERM and on any exit, so no child outlives the launcher unless it is killed -9.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the platform...");
            platform.stop();
            System.out.println("Platform stopped. Data kept in " + settings.dataDir());
        }, "platform-shutdown"));

        System.out.println("Starting the PAR platform; logs go to " + settings.logDir());
        try {
            platform.start();
        } catch (StartupFailedException | IOException e) {
            System.err.println("Start-up failed: " + e.getMessage());
            System.exit(1);
        }
        DemoUnits.loadIfEmpty(settings.serviceBaseUrl(ServiceModule.PLAN), platform.signIn(), System.out);

        System.out.println();
        System.out.println("PAR platform is running. Ctrl-C stops it.");
        System.out.print(EndpointSummary.render(settings));
        // Everything now runs in the child processes; the shutdown hook does the rest.
        Thread.currentThread().join();
    }
}
