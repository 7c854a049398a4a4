package vn.gov.par.support.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.gov.par.contracts.unit.UnitDeleted;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.support.access.UnitLineage;
import vn.gov.par.support.persistence.Documents;

/**
 * A service's own copy of the units directory, kept from plan-service's unit events (each service's list of subscriptions
 * gives {@link #record} both unit event types on {@code unit.events}, {@link #retire} and {@link #forget} the others, before
 * its own handling of them). An event carries the unit's whole state, so applying it is an upsert and applying it twice changes nothing. A
 * retired unit stays, marked, so that its past work reads under its own name.
 */
public class UnitDirectoryView implements UnitLineage, UnitLookup {

    private static final String COLLECTION = "units";

    private final MongoTemplate mongo;

    public UnitDirectoryView(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("ancestorCodes", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index("parentCode", Sort.Direction.ASC));
    }

    /** A unit deleted before it had any history: nothing here refers to it. */
    public void forget(UnitDeleted e) {
        mongo.remove(Query.query(Criteria.where("_id").is(e.code())), COLLECTION);
    }

    /** The unit's new state; a retired unit stays retired (one below a unit that moved is recorded again with it). */
    public void record(UnitRecorded e) {
        Optional<KnownUnit> retired = find(e.code()).filter(KnownUnit::isRetired);
        save(new KnownUnit(e.code(), e.name(), e.level(), e.kind(), e.parentCode(), e.provinceCode(), e.ancestorCodes(),
                retired.map(KnownUnit::retiredOn).orElse(null), retired.map(KnownUnit::successorCode).orElse(null), e.establishedOn()));
    }

    /** The unit dissolved or merged away; it is no longer in any group, nor a unit a plan can name. */
    public void retire(UnitRetired e) {
        KnownUnit unit = find(e.code()).orElseThrow(() -> new IllegalStateException(
                "Unit " + e.code() + " was retired but is not in this service's directory yet"));
        save(unit.retired(e.retiredOn(), e.successorCode()));
    }

    /**
     * The unit in service that stands for a retired one: its successor, or the successor's, should that have been merged on
     * since (the events of two mergers may be read in either order); empty for one dissolved with nobody taking over, or one
     * not known yet. A unit in service stands for itself.
     */
    @Override
    public Optional<KnownUnit> standingFor(String code) {
        Optional<KnownUnit> unit = find(code);
        Set<String> seen = new HashSet<>();
        while (unit.isPresent() && unit.get().isRetired() && seen.add(unit.get().code())) {
            unit = unit.get().successorCode() == null ? Optional.empty() : find(unit.get().successorCode());
        }
        return unit.filter(u -> !u.isRetired());
    }

    @Override
    public Optional<KnownUnit> find(String code) {
        return Optional.ofNullable(mongo.findById(code, KnownUnit.class, COLLECTION));
    }

    @Override
    public Optional<List<String>> ancestorsOf(String unitCode) {
        return find(unitCode).map(KnownUnit::ancestorCodes);
    }

    /** Units at the top are those without a parent, asked by a field an index holds (read for each request of the centre). */
    @Override
    public boolean headsEverything(String unitCode) {
        return find(unitCode).map(unit -> unit.ancestorCodes().isEmpty()).orElse(false)
                && mongo.count(Query.query(Criteria.where("parentCode").is(null)), COLLECTION) == 1;
    }

    @Override
    public Set<String> subtreeOf(String unitCode) {
        return subtree(unitCode).stream().map(KnownUnit::code).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<KnownUnit> children(String code) {
        return mongo.find(Query.query(Criteria.where("parentCode").is(code)), KnownUnit.class, COLLECTION);
    }

    /** The unit and every unit below it. */
    public List<KnownUnit> subtree(String code) {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("_id").is(code), Criteria.where("ancestorCodes").is(code))),
                KnownUnit.class, COLLECTION);
    }

    private void save(KnownUnit unit) {
        Documents.upsert(mongo, COLLECTION, unit, unit.code());
    }
}
