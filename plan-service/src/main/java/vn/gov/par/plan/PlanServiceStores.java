package vn.gov.par.plan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import vn.gov.par.plan.cascade.SubPlanObligation;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.unit.DirectoryLookup;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.plan.unit.UnitDeletion;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.directory.PlanSupervision;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * The collections this service owns, each an aggregate with its own outbox, and the indexes its queries need.
 */
@Configuration(proxyBeanMethods = false)
class PlanServiceStores {

    @Bean
    AggregateStore<Unit> unitStore(MongoTemplate mongo) {
        index(mongo, "units", "parentCode");
        index(mongo, "units", "ancestorCodes");
        index(mongo, "units", "provinceCode");
        return new AggregateStore<>(mongo, Unit.class, "units", Unit::code);
    }

    /**
     * Each plan's issuer and the office its reports go through, which reads the plan's sub-plans ({@link vn.gov.par.support.access.Access#reads}):
     * the office is kept on the plan's own document ({@code via}), which the plan's store leaves alone.
     */
    @Bean
    PlanSupervision planSupervision(MongoTemplate mongo, DirectoryLookup units) {
        return PlanSupervision.onAggregates(mongo, units, "plans");
    }

    @Bean
    AggregateStore<UnitDeletion> unitDeletionStore(MongoTemplate mongo) {
        return new AggregateStore<>(mongo, UnitDeletion.class, "unit_deletions", UnitDeletion::id);
    }

    @Bean
    AggregateStore<Plan> planStore(MongoTemplate mongo) {
        index(mongo, "plans", "issuerCode");
        index(mongo, "plans", "rootPlanId");
        // The sub-plans of the plans whose reports go through an office, listed to that office.
        index(mongo, "plans", "parentPlanId");
        // The list by status, newest first: the drafts awaiting their unit are a few among every plan of the country.
        mongo.indexOps("plans").createIndex(new Index("status", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        // Whether a cascade's last reads still hold (CascadeReads).
        index(mongo, "plans", AggregateStore.WRITTEN_AT);
        return new AggregateStore<>(mongo, Plan.class, "plans", Plan::id);
    }

    @Bean
    AggregateStore<SubPlanObligation> obligationStore(MongoTemplate mongo) {
        index(mongo, "obligations", "rootPlanId");
        index(mongo, "obligations", "unitCode");
        index(mongo, "obligations", AggregateStore.WRITTEN_AT);
        return new AggregateStore<>(mongo, SubPlanObligation.class, "obligations", SubPlanObligation::id);
    }

    @Bean
    WorkingCalendarView workingCalendar(MongoTemplate mongo) {
        return new WorkingCalendarView(mongo);
    }

    private static void index(MongoTemplate mongo, String collection, String field) {
        mongo.indexOps(collection).createIndex(new Index(field, Sort.Direction.ASC));
    }
}
