package vn.gov.par.task.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.support.outbox.TraceHeaders;
import vn.gov.par.testsupport.MutableClock;

/**
 * The queue the assignment job reads a batch at a time: the plans taken in longest ago come first, a plan whose pass
 * failed waits behind every other, and a finished one is no longer in it.
 */
class IssuedPlansTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-20T02:00:00Z"));
    private final IssuedPlans issuedPlans = new IssuedPlans(new MongoTemplate(client, "issued-plans"), clock, TraceHeaders.NONE);

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchHoldsThePlansTakenInLongestAgoAndAPlanWhosePassFailedWaitsBehindTheOthers() {
        List<String> communes = IntStream.rangeClosed(1, 5).mapToObj(i -> "1131" + i).toList();
        communes.forEach(commune -> {
            issuedPlans.keep(planOf(commune));
            clock.advance(Duration.ofSeconds(1));
        });
        issuedPlans.markPassFailed("plan-11311");
        issuedPlans.markAssigned("plan-11313");

        assertThat(issuedPlans.nextUnassigned(3)).extracting(next -> next.plan().planId())
                .containsExactly("plan-11312", "plan-11314", "plan-11315");
        assertThat(issuedPlans.nextUnassigned(50)).extracting(next -> next.plan().planId())
                .containsExactly("plan-11312", "plan-11314", "plan-11315", "plan-11311");
    }

    private static PlanIssued planOf(String commune) {
        String planId = "plan-" + commune;
        return new PlanIssued(planId, "05/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2026 của UBND xã " + commune, 2026,
                commune, "UBND xã " + commune, "31", LocalDate.of(2026, 1, 20), "Trần Thị Hoa", null, planId, null,
                List.of(new PlanActivity("a", "Tuyên truyền trên hệ thống loa truyền thanh", null, List.of("Công chức Văn hóa - Xã hội"),
                        List.of(), "trong năm 2026")), null, null);
    }
}
