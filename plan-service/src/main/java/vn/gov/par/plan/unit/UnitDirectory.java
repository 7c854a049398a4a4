package vn.gov.par.plan.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.unit.UnitDeleted;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.UnitLineage;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.Versioned;
import vn.gov.par.support.web.PageView;

/** The units directory: imports whole hierarchies, answers who is where, and publishes every change. */
@Service
public class UnitDirectory implements UnitLineage {

    private final AggregateStore<Unit> units;
    private final AggregateStore<UnitDeletion> deletions;
    private final UnitHistory history;
    private final Clock clock;
    private final OutboxMessageFactory messages;

    public UnitDirectory(AggregateStore<Unit> units, AggregateStore<UnitDeletion> deletions, UnitHistory history, OutboxMessageFactory messages,
            Clock clock) {
        this.units = units;
        this.deletions = deletions;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    public record ImportOutcome(int received, int created, int updated, int unchanged) {
    }

    /**
     * Stores the whole import or, if any row is bad, nothing, and says which rows are bad. Only an administrator may
     * import, and only units that are, once imported, its own or below it.
     */
    public ImportOutcome importUnits(List<UnitRow> rows, Access access) {
        if (rows.isEmpty()) {
            throw RuleViolationException.invalid("empty-import", "Tệp nhập không có dòng dữ liệu nào.");
        }
        Map<String, Unit> existing = units.find(new Query()).stream().collect(Collectors.toMap(Unit::code, Function.identity()));
        HierarchyValidator.Result result = HierarchyValidator.validate(rows, existing);
        if (!result.isValid()) {
            throw new RuleViolationException(RuleViolationException.Kind.INVALID, "invalid-import",
                    "Tệp nhập có " + result.errors().size() + " lỗi; không đơn vị nào được lưu.", result.errors());
        }
        access.requireAdministersAll(result.units().stream().filter(unit -> !unit.equals(existing.get(unit.code())))
                .collect(Collectors.toMap(Unit::code, Unit::ancestorCodes)), "nhập, sửa danh mục đơn vị");
        int created = 0;
        int updated = 0;
        for (Unit unit : result.units()) {
            Unit before = existing.get(unit.code());
            if (before == null) {
                units.insertIfAbsent(unit, List.of(registered(unit)));
                created++;
            } else if (!before.equals(unit)) {
                long revision = units.find(unit.code()).orElseThrow().revision();
                units.update(unit, revision, List.of(updated(unit)));
                updated++;
            }
        }
        return new ImportOutcome(rows.size(), created, updated, rows.size() - created - updated);
    }

    /** Renames the unit, for an administrator of it or of a unit above it; publishes its new state. */
    public Unit rename(String code, String name, Access access) {
        Unit unit = get(code);
        access.requireAdministers(unit.code(), "đổi tên đơn vị");
        Unit renamed = UnitChanges.renamed(unit, name);
        write(List.of(renamed));
        return renamed;
    }

    /**
     * Moves the unit, and every unit below it, under {@code parentCode}, for an administrator of both its old place and
     * its new one; publishes each one's new state. Refused before anything is written when the move would make a cycle
     * or place a unit under one it cannot sit under. Asked again after a crash part-way, it finishes the move.
     */
    public Unit move(String code, String parentCode, Access access) {
        Unit unit = get(code);
        access.requireAdministers(unit.code(), "chuyển đơn vị");
        Unit parent = find(parentCode).orElseThrow(() -> RuleViolationException.invalid("parent-not-found",
                "Không có đơn vị có mã '" + parentCode + "' để chuyển đến."));
        List<Unit> changed = UnitChanges.moved(unit, parent, descendants(code));
        access.requireAdministersAll(Map.of(unit.code(), changed.get(0).ancestorCodes()), "chuyển đơn vị");
        write(changed);
        return changed.get(0);
    }

    /**
     * Deletes a unit that has no history yet (imported by mistake), for an administrator of it or of a unit above it;
     * publishes UnitDeleted. A unit with units below it, or with a history ({@link UnitHistory}), is refused with the
     * reasons: it is moved or renamed instead. Asked again after a crash part-way, it finishes.
     */
    public void delete(String code, Access access) {
        Versioned<Unit> stored = units.find(code).orElseThrow(() -> new NotFoundException("Không tìm thấy đơn vị có mã '" + code + "'."));
        Unit unit = stored.value();
        access.requireAdministers(unit.code(), "xóa đơn vị");
        List<String> reasons = new ArrayList<>();
        long below = units.count(Query.query(Criteria.where("parentCode").is(code)));
        if (below > 0) {
            reasons.add("Đơn vị có " + below + " đơn vị trực thuộc.");
        }
        reasons.addAll(history.of(unit));
        if (!reasons.isEmpty()) {
            throw new RuleViolationException(RuleViolationException.Kind.CONFLICT, "unit-has-history",
                    "Không xóa được '" + unit.name() + "': đơn vị đã có dữ liệu; hãy chuyển hoặc đổi tên đơn vị.", reasons);
        }
        deletions.insertIfAbsent(new UnitDeletion(DerivedId.of("unit-deletion", code, String.valueOf(stored.revision())), code, unit.name(),
                clock.instant(), access.official().actor().name()), List.of(messages.create(EventCatalog.UNIT_DELETED, unit.provinceCode(),
                        "units/" + code, access.official().actor(), new UnitDeleted(code, unit.name(), unit.provinceCode(), unit.ancestorCodes()))));
        units.delete(code);
    }

    /**
     * Retires the unit on {@code retiredOn}: dissolved when {@code successorCode} is null, otherwise merged into that unit,
     * which takes over its open work (each service hands it over on UnitRetired). For an administrator of the unit, and of
     * the successor. Refused before anything is written for the reasons {@link UnitChanges#retired} gives.
     */
    public Unit retire(String code, LocalDate retiredOn, String successorCode, Access access) {
        Unit unit = get(code);
        access.requireAdministers(unit.code(), "giải thể đơn vị");
        Unit successor = successorCode == null ? null : successor(successorCode);
        if (successor != null) {
            access.requireAdministers(successor.code(), "chuyển công việc cho đơn vị kế thừa");
        }
        Unit retired = UnitChanges.retired(unit, retiredOn, successor, inServiceBelow(code), today());
        writeRetirement(retired, successor);
        return retired;
    }

    /**
     * Merges the units into {@code successorCode} on {@code mergedOn}: each is retired with the successor taking over its
     * open work. Every unit is checked before any is written, so a refusal changes nothing; asked again after a crash
     * part-way, it finishes.
     */
    public List<Unit> merge(String successorCode, List<String> codes, LocalDate mergedOn, Access access) {
        Unit successor = get(successorCode);
        access.requireAdministers(successor.code(), "sáp nhập đơn vị");
        if (codes == null || codes.isEmpty()) {
            throw RuleViolationException.invalid("nothing-to-merge", "Cần ít nhất một đơn vị được sáp nhập vào '" + successor.name() + "'.");
        }
        List<Unit> retired = new ArrayList<>();
        for (String code : new java.util.LinkedHashSet<>(codes)) {
            Unit unit = get(code);
            access.requireAdministers(unit.code(), "sáp nhập đơn vị");
            retired.add(UnitChanges.retired(unit, mergedOn, successor, inServiceBelow(code), today()));
        }
        retired.forEach(unit -> writeRetirement(unit, successor));
        return retired;
    }

    /** The unit, refused as a conflict when it no longer exists in service: nothing new is made in a retired unit's name. */
    public Unit inService(String code, String change) {
        Unit unit = get(code);
        UnitChanges.refuseIfRetired(unit, change);
        return unit;
    }

    /**
     * The unit in service that stands for a retired one: its successor, or the successor's, should that have been merged on
     * since; empty for a unit dissolved with nobody taking over. A unit in service stands for itself.
     */
    public Optional<Unit> standingFor(String code) {
        Optional<Unit> unit = find(code);
        Set<String> seen = new HashSet<>();
        while (unit.isPresent() && unit.get().isRetired() && seen.add(unit.get().code())) {
            String successor = unit.get().retirement().successorCode();
            unit = successor == null ? Optional.empty() : find(successor);
        }
        return unit.filter(u -> !u.isRetired());
    }

    private Unit successor(String code) {
        return find(code).orElseThrow(() -> RuleViolationException.invalid("successor-not-found",
                "Không có đơn vị có mã '" + code + "' để nhận công việc."));
    }

    private long inServiceBelow(String code) {
        return units.count(Query.query(Criteria.where("ancestorCodes").is(code).and("retirement").is(null)));
    }

    private void writeRetirement(Unit retired, Unit successor) {
        Versioned<Unit> stored = units.find(retired.code()).orElseThrow();
        if (stored.value().equals(retired)) {
            return;
        }
        units.update(retired, stored.revision(), List.of(messages.create(EventCatalog.UNIT_RETIRED, retired.provinceCode(),
                "units/" + retired.code(), new UnitRetired(retired.code(), retired.name(), retired.provinceCode(), retired.ancestorCodes(),
                        retired.retirement().retiredOn(), successor == null ? null : successor.code(),
                        successor == null ? null : successor.name()))));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Each unit as given, where it differs from what is stored, with the event saying so. */
    private void write(List<Unit> changed) {
        for (Unit unit : changed) {
            var stored = units.find(unit.code()).orElseThrow();
            if (!stored.value().equals(unit)) {
                units.update(unit, stored.revision(), List.of(updated(unit)));
            }
        }
    }

    public Unit get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("Không tìm thấy đơn vị có mã '" + code + "'."));
    }

    /** The unit, if the official may see it: its own, one below, or one above it. */
    public Unit get(String code, Access access) {
        return find(code).filter(unit -> visible(unit, access))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy đơn vị có mã '" + code + "'."));
    }

    /** The units below this one that the official may see. */
    public List<Unit> children(String code, Access access) {
        get(code, access);
        return children(code).stream().filter(unit -> visible(unit, access)).toList();
    }

    /** The units directly below this one, by code. */
    public List<Unit> children(String code) {
        return units.find(Query.query(Criteria.where("parentCode").is(code)).with(Sort.by("code")));
    }

    /** The units below this one that the official may see (for one above its own: those on the way down to it). */
    public List<Unit> descendants(String code, Access access) {
        get(code, access);
        return descendants(code).stream().filter(unit -> visible(unit, access)).toList();
    }

    public Optional<Unit> find(String code) {
        return units.find(code).map(v -> v.value());
    }

    @Override
    public Optional<List<String>> ancestorsOf(String unitCode) {
        return find(unitCode).map(Unit::ancestorCodes);
    }

    /** Units at the top are those without a parent, asked by a field an index holds (read for each request of the centre). */
    @Override
    public boolean headsEverything(String unitCode) {
        return find(unitCode).map(unit -> unit.ancestorCodes().isEmpty()).orElse(false)
                && units.count(Query.query(Criteria.where("parentCode").is(null))) == 1;
    }

    @Override
    public Set<String> subtreeOf(String unitCode) {
        if (find(unitCode).isEmpty()) {
            return Set.of();
        }
        Set<String> codes = new HashSet<>();
        codes.add(unitCode);
        descendants(unitCode).forEach(unit -> codes.add(unit.code()));
        return codes;
    }

    public List<Unit> descendants(String code) {
        return units.find(Query.query(Criteria.where("ancestorCodes").is(code)).with(Sort.by("code")));
    }

    /**
     * The units a plan's cascade directive obliges: the government units directly below the issuer, its own
     * agencies, and agencies named one by one (each must be an agency in the issuer's subtree); none retired.
     */
    public List<Unit> cascadeTargets(String issuerCode, boolean subordinateGovernments, boolean ownAgencies, List<String> agencyCodes) {
        Map<String, Unit> targets = new java.util.LinkedHashMap<>();
        for (Unit child : children(issuerCode)) {
            if (child.isRetired()) {
                continue;
            }
            if (child.isGovernment() ? subordinateGovernments : ownAgencies) {
                targets.put(child.code(), child);
            }
        }
        List<String> refused = new ArrayList<>();
        for (String code : agencyCodes) {
            Optional<Unit> agency = find(code).filter(u -> !u.isGovernment() && !u.isRetired() && u.ancestorCodes().contains(issuerCode));
            agency.ifPresentOrElse(u -> targets.put(u.code(), u), () -> refused.add(code));
        }
        if (!refused.isEmpty()) {
            throw new RuleViolationException(RuleViolationException.Kind.INVALID, "unknown-agencies",
                    "Các mã sau không phải cơ quan đang hoạt động thuộc phạm vi của đơn vị ban hành: " + String.join(", ", refused) + ".", refused);
        }
        return List.copyOf(targets.values());
    }

    /** The units the official may see, by the filters given. */
    public PageView<Unit> list(UnitFilter filter, int page, int size, Access access) {
        Criteria criteria = new Criteria();
        List<Criteria> parts = new ArrayList<>();
        if (!access.seesEverything()) {
            List<String> visible = new ArrayList<>(access.subtree());
            visible.addAll(access.ancestors());
            parts.add(Criteria.where("code").in(visible));
        }
        Optional.ofNullable(filter.parentCode()).ifPresent(p -> parts.add(Criteria.where("parentCode").is(p)));
        Optional.ofNullable(filter.level()).ifPresent(l -> parts.add(Criteria.where("level").is(l)));
        Optional.ofNullable(filter.kind()).ifPresent(k -> parts.add(Criteria.where("kind").is(k)));
        Optional.ofNullable(filter.provinceCode()).ifPresent(p -> parts.add(Criteria.where("provinceCode").is(p)));
        if (!parts.isEmpty()) {
            criteria.andOperator(parts);
        }
        Query query = Query.query(criteria);
        long total = units.count(query);
        List<Unit> content = units.find(query.with(Sort.by("code")).skip((long) page * size).limit(size));
        return new PageView<>(content, page, size, total);
    }

    private static boolean visible(Unit unit, Access access) {
        return access.sees(unit.code(), unit.ancestorCodes()) || access.isAbove(unit.code());
    }

    public record UnitFilter(String parentCode, UnitLevel level, UnitKind kind, String provinceCode) {
    }

    private OutboxMessage registered(Unit unit) {
        return messages.create(EventCatalog.UNIT_REGISTERED, unit.provinceCode(), "units/" + unit.code(), new UnitRecorded(
                unit.code(), unit.name(), unit.level().name(), unit.kind().name(), unit.parentCode(), unit.provinceCode(), unit.ancestorCodes(),
                unit.establishedOn()));
    }

    private OutboxMessage updated(Unit unit) {
        return messages.create(EventCatalog.UNIT_UPDATED, unit.provinceCode(), "units/" + unit.code(), new UnitRecorded(
                unit.code(), unit.name(), unit.level().name(), unit.kind().name(), unit.parentCode(), unit.provinceCode(), unit.ancestorCodes(),
                unit.establishedOn()));
    }
}
