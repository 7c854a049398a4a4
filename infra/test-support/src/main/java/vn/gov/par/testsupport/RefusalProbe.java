package vn.gov.par.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.springframework.data.mongodb.core.MongoTemplate;

import net.jqwik.api.statistics.Statistics;

/**
 * Sends a generated request and tells refused from accepted. Refused: a 4xx problem (never a 5xx), and neither the
 * service's store nor its topics hold anything new. Accepted: the response is handed back, so the caller can check
 * the write was stored whole.
 */
public final class RefusalProbe {

    private final RawHttp http;
    private final KafkaTopicProbe kafka = EmbeddedBroker.PROBE;
    private final MongoTemplate mongo;
    private final List<String> topics;
    private final List<Consumer> consumers;
    private boolean countingOutcomes;
    private StoreSnapshot store;
    private Map<String, Long> topicEnds;

    /** Shared by every probe of the test JVM (one admin client asks for offsets), made when the first probe is. */
    private static final class EmbeddedBroker {
        static final KafkaTopicProbe PROBE = KafkaTopicProbe.embedded();
    }

    /** A consumer group of the service that reads back one of its own topics (a cascade's fan-out). */
    public record Consumer(String group, String topic) {
    }

    /**
     * @param topics    the topics the service publishes to, where a refused request must add nothing
     * @param consumers the service's groups that consume those topics: an accepted request has settled once they caught up
     */
    public RefusalProbe(RawHttp http, MongoTemplate mongo, List<String> topics, List<Consumer> consumers) {
        this.http = http;
        this.mongo = mongo;
        this.topics = topics;
        this.consumers = consumers;
        settle();
    }

    private RefusalProbe(RefusalProbe probe, RawHttp http) {
        this.http = http;
        this.mongo = probe.mongo;
        this.topics = probe.topics;
        this.consumers = probe.consumers;
        this.countingOutcomes = probe.countingOutcomes;
        this.store = probe.store;
        this.topicEnds = probe.topicEnds;
    }

    /** The same probe, sending as another caller, with what it remembers of the store and the topics. */
    public RefusalProbe as(String accessToken) {
        return new RefusalProbe(this, http.as(accessToken));
    }

    /** Counts accepted and refused requests in jqwik's statistics: for probes used inside jqwik properties only. */
    public RefusalProbe countingOutcomes() {
        countingOutcomes = true;
        return this;
    }

    /**
     * Waits until the service has finished with what earlier requests started, then remembers the store and the topics
     * as they are. Call it also after changing the service's state outside this probe.
     */
    public void settle() {
        AtomicReference<StoreSnapshot> last = new AtomicReference<>();
        Awaitility.await("the service to settle").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            boolean caughtUp = consumers.stream().allMatch(c -> kafka.endOffset(c.topic()) == 0 || kafka.lag(c.group(), c.topic()) == 0);
            StoreSnapshot now = StoreSnapshot.of(mongo);
            return now.equals(last.getAndSet(caughtUp && !now.pendingEvents() ? now : null));
        });
        store = last.get();
        topicEnds = topics.stream().collect(Collectors.toMap(Function.identity(), kafka::endOffset));
    }

    /** The response when the request was accepted; empty when it was refused as it should be. */
    public Optional<RawHttp.Response> send(Object description, RawHttp.Request request) {
        RawHttp.Response response = http.send(request);
        assertThat(response.status()).as(description + "\n→ " + response).isLessThan(500);
        if (countingOutcomes) {
            Statistics.label("outcome").collect(response.ok() ? "accepted" : "refused " + response.status());
        }
        if (response.ok()) {
            settle();
            return Optional.of(response);
        }
        assertRefusedWithoutTrace(description, response);
        return Optional.empty();
    }

    /** Sends a request that must be refused, and answers the refusal (checked as {@link #send} checks it). */
    public RawHttp.Response refused(Object description, RawHttp.Request request) {
        RawHttp.Response response = http.send(request);
        assertThat(response.status()).as(description + "\n→ " + response).isLessThan(500);
        assertThat(response.ok()).as("accepted, where it must be refused: " + description + "\n→ " + response).isFalse();
        assertRefusedWithoutTrace(description, response);
        return response;
    }

    private void assertRefusedWithoutTrace(Object description, RawHttp.Response response) {
        ProblemAssertions.assertClientProblem(response, description);
        assertThat(StoreSnapshot.of(mongo).changedSince(store)).as("collections written by a refused request: " + description
                + "\n→ " + response).isEmpty();
        assertThat(topics.stream().collect(Collectors.toMap(Function.identity(), kafka::endOffset)))
                .as("events published for a refused request: " + description).isEqualTo(topicEnds);
    }

    public Optional<RawHttp.Response> send(BodyMutations.Mutated mutated) {
        return send(mutated, mutated.request());
    }
}
