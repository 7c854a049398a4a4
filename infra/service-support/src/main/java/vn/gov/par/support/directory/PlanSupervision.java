package vn.gov.par.support.directory;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import vn.gov.par.support.access.ReportingOffices;
import vn.gov.par.support.text.VietnameseText;

/**
 * What each plan says about who follows its work: the plan's issuer, and the office its reporting clause names with
 * "qua ..." ("báo cáo UBND tỉnh qua Sở Nội vụ"). Every service that shows or chases the plan's work keeps it:
 * report-service from its own reading of the clause, notification-service from the reports' events, the others from
 * ReportPeriodsScheduled. The office is the issuer's own agency of that name in the units directory, found when asked,
 * so a renamed or merged office is followed; one still in service is preferred to a retired one of the same name, and a
 * retired one stands for its successor. It is kept in a collection of its own (notification-service), or on the
 * document per plan a service keeps anyway from the same events (task-service: its report periods), or on the plan's
 * aggregate (plan-service: its plans; report-service's plans hold both as their clause was read). Its other fields are
 * left alone.
 */
public class PlanSupervision implements ReportingOffices {

    private static final String OWN_COLLECTION = "plan_supervision";

    private final MongoTemplate mongo;
    private final UnitLookup units;
    private final String collection;
    /** Whether a plan this service has no document of yet gets one, or is left to the aggregate's store to create. */
    private final boolean createsDocuments;

    public PlanSupervision(MongoTemplate mongo, UnitLookup units) {
        this(mongo, units, OWN_COLLECTION);
    }

    /** Kept in {@code collection}, under each plan's id, as fields {@code issuerCode} and {@code via}. */
    public PlanSupervision(MongoTemplate mongo, UnitLookup units, String collection) {
        this(mongo, units, collection, true);
    }

    private PlanSupervision(MongoTemplate mongo, UnitLookup units, String collection, boolean createsDocuments) {
        this.mongo = mongo;
        this.units = units;
        this.collection = collection;
        this.createsDocuments = createsDocuments;
        mongo.indexOps(collection).createIndex(new Index("issuerCode", Sort.Direction.ASC));
    }

    /**
     * Kept on the plans' aggregates in {@code collection}: a plan not there is not written to, since a document begun
     * with these two fields would keep its store from inserting the plan. The events that tell it are about plans the
     * service has already (their reports are scheduled once the plan is issued), so nothing is lost.
     */
    public static PlanSupervision onAggregates(MongoTemplate mongo, UnitLookup units, String collection) {
        return new PlanSupervision(mongo, units, collection, false);
    }

    /** What one plan says: its issuer and the office written after "qua", each null until learnt. */
    public record Plan(String id, String issuerCode, String via) {
    }

    /** The plan was issued by that unit. */
    public void issuedBy(String planId, String issuerCode) {
        learn(planId, issuerCode, null);
    }

    /** The plan's reports go to its issuer through this office ("Sở Nội vụ"), as its reporting clause writes it; null for none. */
    public void reportsVia(String planId, String issuerCode, String via) {
        learn(planId, issuerCode, via == null || via.isBlank() ? null : via);
    }

    /**
     * Writes what the plan's document does not say yet, in one write, and nothing when it says it already: every sub-plan
     * and every report a plan asks for tells it again (notification-service wrote it 155,231 times for 15,524 plans in the
     * national three-tier cascade).
     */
    private void learn(String planId, String issuerCode, String via) {
        if (planId == null) {
            return;
        }
        Optional<Plan> known = find(planId);
        Update update = new Update();
        if (issuerCode != null && !issuerCode.equals(known.map(Plan::issuerCode).orElse(null))) {
            update.set("issuerCode", issuerCode);
        }
        if (via != null && !via.equals(known.map(Plan::via).orElse(null))) {
            update.set("via", via);
        }
        if (update.getUpdateObject().isEmpty()) {
            return;
        }
        if (createsDocuments) {
            mongo.upsert(byId(planId), update, collection);
        } else {
            mongo.updateFirst(byId(planId), update, collection);
        }
    }

    public Optional<Plan> find(String planId) {
        return Optional.ofNullable(mongo.findOne(twoFields(byId(planId)), Plan.class, collection));
    }

    /** The unit in service the plan's reports go through, if its clause names one the directory has under the issuer. */
    public Optional<String> officeOf(Plan plan) {
        if (plan.issuerCode() == null || plan.via() == null || plan.via().isBlank()) {
            return Optional.empty();
        }
        String office = VietnameseText.fold(plan.via());
        return units.children(plan.issuerCode()).stream()
                .filter(u -> !u.isGovernment() && VietnameseText.fold(u.name()).startsWith(office))
                .min(Comparator.comparing(KnownUnit::isRetired))
                .flatMap(u -> units.standingFor(u.code())).map(KnownUnit::code);
    }

    /**
     * The plans of the unit's parent whose reports go through the unit (a plan of a retired issuer is followed by nobody).
     * Asked on every list an official reads: only an agency can be such an office, and only a plan naming it by its name's
     * beginning is resolved against the directory.
     */
    @Override
    public Set<String> plansReportedThrough(String unitCode) {
        Optional<KnownUnit> unit = units.find(unitCode).filter(u -> !u.isRetired() && !u.isGovernment() && u.parentCode() != null);
        if (unit.isEmpty()) {
            return Set.of();
        }
        String name = VietnameseText.fold(unit.get().name());
        Query issuedAbove = twoFields(Query.query(Criteria.where("issuerCode").is(unit.get().parentCode()).and("via").ne(null)));
        return mongo.find(issuedAbove, Plan.class, collection).stream().filter(plan -> name.startsWith(VietnameseText.fold(plan.via())))
                .filter(plan -> officeOf(plan).filter(unitCode::equals).isPresent()).map(Plan::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The issuer and the office alone: on an aggregate's document they are a small part of it. */
    private static Query twoFields(Query plans) {
        plans.fields().include("issuerCode", "via");
        return plans;
    }

    private static Query byId(String planId) {
        return Query.query(Criteria.where("_id").is(planId));
    }
}
