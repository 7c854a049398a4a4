package vn.gov.par.support.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import vn.gov.par.support.persistence.AggregateStore;

/** Kept on a plan's aggregate, who supervises it lives beside the plan's own fields and never stands in for the plan. */
class PlanSupervisionTest {

    record IssuedPlan(String id, String issuerCode, String title, String status) {
    }

    private static final KnownUnit PROVINCE = new KnownUnit("70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", null, "70", List.of(),
            null, null, null);
    private static final KnownUnit HOME_AFFAIRS = new KnownUnit("70-snv", "Sở Nội vụ tỉnh Bình Phước", "PROVINCE", "AGENCY", "70", "70",
            List.of("70"), null, null, null);

    @RegisterExtension
    static final InMemoryMongo STORE = new InMemoryMongo();

    @Test
    void theOfficeIsKeptOnThePlanThroughItsStoresWritesAndAPlanNotThereIsNotBegun() {
        MongoTemplate mongo = STORE.template("plan-supervision-test");
        AggregateStore<IssuedPlan> plans = new AggregateStore<>(mongo, IssuedPlan.class, "plans", IssuedPlan::id);
        PlanSupervision supervision = PlanSupervision.onAggregates(mongo, new Directory(), "plans");

        supervision.reportsVia("kh-chua-co", "70", "Sở Nội vụ");
        assertThat(plans.insertIfAbsent(new IssuedPlan("kh-chua-co", "70", "Kế hoạch chưa nhận", "ISSUED"), List.of()))
                .as("the plan's store still inserts a plan told of before it was there").isTrue();

        plans.insertIfAbsent(new IssuedPlan("kh-35", "70", "Kế hoạch 35/KH-UBND", "ISSUED"), List.of());
        supervision.reportsVia("kh-35", "70", "Sở Nội vụ");
        var read = plans.find("kh-35").orElseThrow();
        plans.update(new IssuedPlan("kh-35", "70", "Kế hoạch 35/KH-UBND", "CLOSED"), read.revision(), List.of());

        assertThat(plans.find("kh-35").orElseThrow().value().status()).isEqualTo("CLOSED");
        assertThat(supervision.find("kh-35")).contains(new PlanSupervision.Plan("kh-35", "70", "Sở Nội vụ"));
        assertThat(supervision.plansReportedThrough(HOME_AFFAIRS.code())).containsExactly("kh-35");
    }

    private static final class Directory implements UnitLookup {

        @Override
        public Optional<KnownUnit> find(String code) {
            return List.of(PROVINCE, HOME_AFFAIRS).stream().filter(unit -> unit.code().equals(code)).findFirst();
        }

        @Override
        public List<KnownUnit> children(String code) {
            return code.equals(PROVINCE.code()) ? List.of(HOME_AFFAIRS) : List.of();
        }

        @Override
        public Optional<KnownUnit> standingFor(String code) {
            return find(code);
        }
    }
}
