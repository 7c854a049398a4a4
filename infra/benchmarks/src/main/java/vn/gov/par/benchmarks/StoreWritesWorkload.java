package vn.gov.par.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import org.springframework.data.mongodb.core.MongoTemplate;

import vn.gov.par.driver.PlatformGauges;
import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.ManagedProcess;
import vn.gov.par.localruntime.PlatformSettings;
import vn.gov.par.task.task.OccurrenceIndexes;

/**
 * The embedded store alone, started as the platform starts it, written to as task-service writes occurrences during a
 * cascade: {@value #CLIENTS} clients each insert their documents five at a time, then change each one's status by id,
 * into a collection with task-service's occurrence indexes. Nothing else runs on the machine's cores, so the store's
 * time and CPU for a load of commits read without a cascade's noise (docs/performance.md).
 */
final class StoreWritesWorkload {

    static final int CLIENTS = 8;
    private static final int BATCH = 5;
    private static final Instant FIRST_DUE = Instant.parse("2027-03-31T00:00:00Z");

    /** @param storeCpuSeconds what the store's process spent on the cores, its start not counted */
    record Outcome(int clients, int documents, double seconds, double storeCpuSeconds) {
    }

    private StoreWritesWorkload() {
    }

    static Outcome run(PlatformSettings settings, int documentsPerClient, PrintStream out) throws Exception {
        out.println("Starting the store alone for the store-writes workload (its log in " + settings.logFile("mongo") + ")");
        ManagedProcess store = LocalPlatform.mongoProcess(settings);
        store.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + settings.mongoPort() + "/?maxPoolSize=" + 2 * CLIENTS)) {
            MongoCollection<Document> occurrences = client.getDatabase("par-task").getCollection(OccurrenceIndexes.COLLECTION);
            // task-service's own indexes of occurrences, so each write changes as many index pages as in service.
            OccurrenceIndexes.declare(new MongoTemplate(client, "par-task"));
            double cpuBefore = PlatformGauges.cpuSecondsOf(store);
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int clientNumber = c;
                    work.add(clients.submit(() -> write(occurrences, clientNumber, documentsPerClient)));
                }
                for (Future<?> done : work) {
                    done.get();
                }
            } finally {
                clients.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = PlatformGauges.cpuSecondsOf(store) - cpuBefore;
            return new Outcome(CLIENTS, CLIENTS * documentsPerClient, seconds, cpuSeconds);
        } finally {
            store.stop();
        }
    }

    private static void write(MongoCollection<Document> occurrences, int client, int documents) {
        Random random = new Random(client);
        for (int first = 0; first < documents; first += BATCH) {
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = first; i < Math.min(first + BATCH, documents); i++) {
                batch.add(occurrence(client, i, random));
            }
            occurrences.insertMany(batch);
        }
        for (int i = 0; i < documents; i++) {
            occurrences.updateOne(Filters.eq("_id", idOf(client, i)), Updates.combine(Updates.set("status", "DUE_SOON"),
                    Updates.inc("_revision", 1)));
        }
    }

    /** Ids spread over the whole key range, as the services' derived ids are. */
    private static String idOf(int client, int i) {
        return Integer.toHexString((client * 1_000_003 + i) * 0x9E3779B1) + "-" + client + "-" + i;
    }

    private static Document occurrence(int client, int i, Random random) {
        String province = "P" + random.nextInt(63);
        String district = province + "-D" + random.nextInt(11);
        String commune = district + "-C" + random.nextInt(15);
        return new Document("_id", idOf(client, i)).append("taskId", "task-" + client + "-" + i / 4)
                .append("planId", "plan-" + client + "-" + i / 40).append("planPath", List.of("plan-root", "plan-" + client))
                .append("status", "PENDING").append("overdueAnnounced", false).append("unitCode", commune).append("provinceCode", province)
                .append("ancestorCodes", List.of("VN", province, district))
                .append("dueDate", Date.from(FIRST_DUE.plus(Duration.ofDays(random.nextInt(300))))).append("releasedOn", null)
                .append("activityContent", "Tuyên truyền cải cách hành chính trên Cổng thông tin điện tử của đơn vị, kỳ " + i)
                .append("_revision", 0L);
    }
}
