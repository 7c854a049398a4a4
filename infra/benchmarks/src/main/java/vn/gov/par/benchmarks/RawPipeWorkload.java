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

    record Outcome(long records, double seconds, double recordsPerSecond, double platformEventsPerSecond, double platformShare) {
    }

    static Outcome run(LocalPlatform platform, long records, double platformEventsPerSecond, PrintStream progress)
            throws IOException, InterruptedException {
        progress.printf("Raw pipe: %d records of %d bytes produced, consumed and stored in bulk%n", records, RECORD_BYTES);
        JsonNode result = ChildJvm.run(RawPipe.class, platform.settings().kafkaBootstrapServers(),
                "mongodb://localhost:" + platform.settings().mongoPort(), String.valueOf(records), String.valueOf(RECORD_BYTES));
        double perSecond = result.get("recordsPerSecond").asDouble();
        return new Outcome(records, result.get("seconds").asDouble(), perSecond, platformEventsPerSecond, platformEventsPerSecond / perSecond);
    }
}
