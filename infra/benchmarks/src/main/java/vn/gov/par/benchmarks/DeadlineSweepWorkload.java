package vn.gov.par.benchmarks;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import vn.gov.par.contracts.Topics;
import vn.gov.par.driver.NationalHierarchy;
import vn.gov.par.driver.PlatformGauges;
import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.ServiceModule;
import vn.gov.par.support.calendar.GovernmentDecisions;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.Documents;
import vn.gov.par.task.task.OccurrenceStatus;
import vn.gov.par.task.task.TaskOccurrence;
import vn.gov.par.task.task.TaskRole;

/**
 * One million task occurrences in task-service's store, of which a few thousand fall due at once: the time from that
 * moment (after every occurrence is written, by one write of the harness whose own time is printed apart) until the
 * sweep has found every one and its TaskOverdue is on the topic; measured on the second such set, as the first after the
 * platform started also times every service compiling the code it runs. The occurrences are written as task-service itself stores them (its own record, converted as
 * its store converts it), in bulk, since a million through the cascade would measure the cascade instead.
 */
final class DeadlineSweepWorkload {

    /** The sweep runs every two seconds here, so the wait for its next round is small beside what it measures. */
    static final Map<String, String> SERVICE_ENVIRONMENT = Map.of("PAR_TASKS_SWEEPINTERVAL", "2s", "PAR_TASKS_SWEEPINITIALDELAY", "2s");
    static final double SHARE_DUE = 0.004;
    private static final int BATCH = 5_000;
    private static final String OCCURRENCES = "occurrences";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final LocalPlatform platform;
    private final PlatformGauges gauges;
    private final PrintStream progress;

    DeadlineSweepWorkload(LocalPlatform platform, PlatformGauges gauges, PrintStream progress) {
        this.platform = platform;
        this.gauges = gauges;
        this.progress = progress;
    }

    /**
     * @param fallDueSeconds    how long the harness's own write making the measured ones due took: not counted, since in
     *                          the service's life they fall due by the date changing, which writes nothing
     * @param firstSweepSeconds the same for another as many that fell due first, on the platform just started: every
     *                          service compiles the code of the sweep, the relay and the consumers meanwhile
     * @param seconds           from when the measured ones are due until every announcement is on the topic, once
     *                          the platform has swept before, as it has every minute in service
     */
    record Outcome(int occurrences, int due, double insertSeconds, double fallDueSeconds, double firstSweepSeconds, double seconds,
            boolean complete, Map<String, Long> peakMemoryMiB) {
    }

    /** One set of occurrences falling due and announced. */
    private record Announced(double fallDueSeconds, double seconds, boolean complete) {
    }

    Outcome run(int occurrences) throws InterruptedException {
        progress.printf("Deadline sweep: writing %,d occurrences, due next year%n", occurrences);
        long insertStart = System.nanoTime();
        insert(occurrences);
        return sweeps(occurrences, (System.nanoTime() - insertStart) / 1e9);
    }

    /** Two more sweeps over the million a run left in its data folder, on a platform started again on it. */
    Outcome again() throws InterruptedException {
        return sweeps((int) occurrences().estimatedDocumentCount(), 0);
    }

    /**
     * Two sets of as many occurrences, each spread evenly over the collection (every `every`-th from a remainder of its
     * own, at random), fall due one after the other; the second is measured.
     */
    private Outcome sweeps(int occurrences, double insertSeconds) throws InterruptedException {
        int due = Math.max(1, (int) Math.round(occurrences * SHARE_DUE));
        int every = occurrences / due;
        int[] remainders = ThreadLocalRandom.current().ints(0, every).distinct().limit(2).toArray();
        progress.printf("Deadline sweep: %,d of the %,d occurrences fall due on the platform just started, then %,d others, measured%n",
                due, occurrences, due);
        Announced first = announced(spread(due, every, remainders[0]));
        Announced measured = announced(spread(due, every, remainders[1]));
        return new Outcome(occurrences, due, insertSeconds, measured.fallDueSeconds(), first.seconds(), measured.seconds(),
                first.complete() && measured.complete(), gauges.peakMemoryMiB());
    }

    private static List<String> spread(int due, int every, int remainder) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < due; k++) {
            ids.add("bench-occurrence-" + (k * every + remainder));
        }
        return ids;
    }

    /**
     * The moment measured from: these occurrences become what the sweep looks for, all at once, by one write of the
     * harness (timed apart); then the time until every one's announcement is on the topic.
     */
    private Announced announced(List<String> ids) throws InterruptedException {
        long eventsBefore = taskEvents();
        long fallingDue = System.nanoTime();
        // Announced is set back too: a set a run again takes may hold occurrences an earlier run announced.
        occurrences().updateMany(Filters.in("_id", ids), Updates.combine(Updates.set("dueDate", latestDueDateLateOn(LocalDate.now(VIETNAM))),
                Updates.set("overdueAnnounced", false)));
        long start = System.nanoTime();
        OptionalLong done = awaitTaskEvents(eventsBefore, ids.size(), start);
        double seconds = (done.orElse(System.nanoTime()) - start) / 1e9;
        return new Announced((start - fallingDue) / 1e9, seconds, done.isPresent());
    }

    /**
     * Yesterday is not always late: work due on a day off runs to the end of the next working day, so on a Sunday
     * Saturday's work is not late yet. The latest due date the calendar the platform ships counts late that day.
     */
    static LocalDate latestDueDateLateOn(LocalDate today) {
        return GovernmentDecisions.calendarWith(List.of()).lateIfDueBefore(today).minusDays(1);
    }

    private MongoCollection<Document> occurrences() {
        return gauges.mongo().getDatabase(ServiceModule.TASK.databaseName()).getCollection(OCCURRENCES);
    }

    /** Writes the occurrences, all due next year, so that the sweeps running meanwhile find none of them. */
    private void insert(int occurrences) {
        MongoTemplate mongo = taskStore();
        MongoCollection<Document> collection = mongo.getCollection(OCCURRENCES);
        LocalDate nextYear = LocalDate.now(VIETNAM).plusYears(1);
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < occurrences; i++) {
            batch.add(document(mongo, occurrence(i, nextYear)));
            if (batch.size() == BATCH) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    private static TaskOccurrence occurrence(int i, LocalDate dueDate) {
        String unit = "T%02d-X%04d".formatted(i % 34 + 1, i % 3321 + 1);
        String task = "bench-task-" + i / 12;
        return new TaskOccurrence("bench-occurrence-" + i, task, "bench-plan", "bench-plan", "1/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính (thử tải)", unit, "UBND xã Thử Nghiệm " + unit, unit.substring(0, 3),
                List.of(NationalHierarchy.CENTRAL_CODE, unit.substring(0, 3)), TaskRole.LEAD, "Đăng tin, bài tuyên truyền cải cách hành chính",
                "Tháng %d/%d".formatted(dueDate.getMonthValue(), dueDate.getYear()), dueDate.withDayOfMonth(1), dueDate,
                OccurrenceStatus.NOT_DUE, false, false, List.of(), List.of("bench-plan"), null);
    }

    /** As task-service's store writes a new aggregate: the record's fields, its id, revision 0 and an empty outbox. */
    private static Document document(MongoTemplate mongo, TaskOccurrence occurrence) {
        Document document = Documents.of(mongo, occurrence, occurrence.id());
        document.put(AggregateStore.REVISION, 0L);
        document.put(AggregateStore.OUTBOX, List.of());
        return document;
    }

    /** A template converting exactly as the services' do: records as documents, dates with the driver's own codecs. */
    private MongoTemplate taskStore() {
        MongoCustomConversions conversions = MongoCustomConversions.create(c -> c.useNativeDriverJavaTimeCodecs());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new MongoTemplate(new SimpleMongoClientDatabaseFactory(gauges.mongo(), ServiceModule.TASK.databaseName()), converter);
    }

    private long taskEvents() {
        return gauges.messagesOn(Topics.TASK_EVENTS);
    }

    /** Reads the topic's end offsets until the announcements are all there; answers when, or empty after an hour. */
    private OptionalLong awaitTaskEvents(long before, int expected, long start) throws InterruptedException {
        long limit = TimeUnit.MINUTES.toNanos(60);
        long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() - start < limit) {
            long published = taskEvents() - before;
            if (published >= expected) {
                return OptionalLong.of(System.nanoTime());
            }
            if (System.nanoTime() > nextReport) {
                progress.printf("  %4.0f s: %,d of %,d overdue announcements published%n", (System.nanoTime() - start) / 1e9, published, expected);
                nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return OptionalLong.empty();
    }
}
