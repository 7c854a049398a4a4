package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanContent;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/**
 * A cascade's reads are used again only while nothing changed: what another instance of the service writes to the
 * shared store (an obligation fulfilled, a prepared draft taken up) shows at the next look, however long the cascade
 * had been quiet before.
 */
@PlatformIntegrationTest
class CascadeReadsTest {

    private static final Duration MARGIN = Duration.ofMillis(200);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AggregateStore<SubPlanObligation> obligations;

    @Autowired
    AggregateStore<Plan> plans;

    @Test
    void whatAnotherInstanceWritesShowsAtTheNextLookAfterAQuietSpell() {
        String root = "reads-root-" + System.nanoTime();
        obligations.insertAllIfAbsent(List.of(owed(root, "831"), owed(root, "832")));
        plans.insertIfAbsent(Plan.draft(draftOf(root, "832"), "832", "UBND huyện Chợ Lách", "83", content(), Instant.now()), List.of());
        CascadeReads reads = new CascadeReads(obligations, plans, mongo, MARGIN);
        await("quiet long enough for a read to be used again").atMost(Duration.ofSeconds(10))
                .until(() -> reads.of(root, null) == reads.of(root, null));
        assertThat(reads.of(root, null).obligations()).allSatisfy(o -> assertThat(o.issuedOn()).isNull());
        assertThat(reads.of(root, null).revisedDrafts()).isEmpty();

        AggregateStore<SubPlanObligation> anotherInstancesObligations = new AggregateStore<>(mongo, SubPlanObligation.class, "obligations",
                SubPlanObligation::id);
        var chauThanh = anotherInstancesObligations.find(root + "-831").orElseThrow();
        anotherInstancesObligations.update(chauThanh.value().fulfil("15/KH-UBND", LocalDate.of(2034, 4, 2)), chauThanh.revision(), List.of());

        assertThat(reads.of(root, null).obligations()).filteredOn(o -> o.unitCode().equals("831"))
                .singleElement().satisfies(o -> assertThat(o.subPlanNumber()).isEqualTo("15/KH-UBND"));

        await().atMost(Duration.ofSeconds(10)).until(() -> reads.of(root, null) == reads.of(root, null));
        AggregateStore<Plan> anotherInstancesPlans = new AggregateStore<>(mongo, Plan.class, "plans", Plan::id);
        var choLach = anotherInstancesPlans.find(draftOf(root, "832")).orElseThrow();
        anotherInstancesPlans.update(choLach.value().revise(content(), Instant.now()), choLach.revision(), List.of());

        assertThat(reads.of(root, null).revisedDrafts()).containsExactly(draftOf(root, "832"));
    }

    private static SubPlanObligation owed(String root, String unitCode) {
        return new SubPlanObligation(root + "-" + unitCode, root, root, "83", unitCode, "UBND huyện " + unitCode, UnitLevel.DISTRICT,
                UnitKind.GOVERNMENT, "83", LocalDate.of(2034, 4, 30), draftOf(root, unitCode), null, null, null);
    }

    private static String draftOf(String root, String unitCode) {
        return root + "-draft-" + unitCode;
    }

    private static PlanContent content() {
        return new PlanContent("Thông tin, tuyên truyền cải cách hành chính năm 2034", 2034, null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), List.of(), null, List.of(), null);
    }
}
