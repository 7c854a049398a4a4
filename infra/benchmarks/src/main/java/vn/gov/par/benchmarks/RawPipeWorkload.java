package vn.gov.par.benchmarks;

import java.io.IOException;
import java.io.PrintStream;

import tools.jackson.databind.JsonNode;
import vn.gov.par.localruntime.LocalPlatform;

/** Runs {@link RawPipe} on the platform's own broker and store, with as many records as the cascade moved events. */
final class RawPipeWorkload {

    /** About the size of one of the platform's event envelopes with its payload. */
    static final int RECORD_BYTES = 1_000;

    private RawPipeWorkload() {
    }

    /**
     * @param platformShare         the platform's events per second as a share of the raw pipe's records per second
     * @param platformDocumentShare the platform's documents stored per second as a share of the raw pipe's (one
     *                              document per record): the platform writes many documents for each event
     */
    record Outcome(long records, double seconds, double recordsPerSecond, double platformEventsPerSecond, double platformShare,
            double platformDocumentsPerSecond, double platformDocumentShare) {
    }

    static Outcome run(LocalPlatform platform, CascadeWorkload.Outcome cascade, PrintStream progress)
            throws IOException, InterruptedException {
        long records = cascade.events();
        progress.printf("Raw pipe: %d records of %d bytes produced, consumed and stored in bulk%n", records, RECORD_BYTES);
        JsonNode result = ChildJvm.run(RawPipe.class, platform.settings().kafkaBootstrapServers(),
                "mongodb://localhost:" + platform.settings().mongoPort(), String.valueOf(records), String.valueOf(RECORD_BYTES));
        double perSecond = result.get("recordsPerSecond").asDouble();
        double documentsPerSecond = cascade.documentsAdded() / cascade.seconds();
        return new Outcome(records, result.get("seconds").asDouble(), perSecond, cascade.eventsPerSecond(), cascade.eventsPerSecond() / perSecond,
                documentsPerSecond, documentsPerSecond / perSecond);
    }
}
