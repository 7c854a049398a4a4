package vn.gov.par.plan.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.web.PageView;

/** The units directory: imports whole hierarchies, answers who is where, and publishes every change. */
@Service
public class UnitDirectory {

    private final AggregateStore<Unit> units;
    private final OutboxMessageFactory messages;

    public UnitDirectory(AggregateStore<Unit> units, OutboxMessageFactory messages) {
        this.units = units;
        this.messages = messages;
    }

    public record ImportOutcome(int received, int created, int updated, int unchanged) {
    }

    /** Stores the whole import or, if any row is bad, nothing, and says which rows are bad. */
    public ImportOutcome importUnits(List<UnitRow> rows) {
        if (rows.isEmpty()) {
            throw RuleViolationException.invalid("empty-import", "Tệp nhập không có dòng dữ liệu nào.");
        }
        Map<String, Unit> existing = units.find(new Query()).stream().collect(Collectors.toMap(Unit::code, Function.identity()));
        HierarchyValidator.Result result = HierarchyValidator.validate(rows, existing);
        if (!result.isValid()) {
            throw new RuleViolationException(RuleViolationException.Kind.INVALID, "invalid-import",
                    "Tệp nhập có " + result.errors().size() + " lỗi; không đơn vị nào được lưu.", result.errors());
        }
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

    public Unit get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("Không tìm thấy đơn vị có mã '" + code + "'."));
    }

    public Optional<Unit> find(String code) {
        return units.find(code).map(v -> v.value());
    }

    public List<Unit> children(String code) {
        get(code);
        return units.find(Query.query(Criteria.where("parentCode").is(code)).with(Sort.by("code")));
    }

    public List<Unit> descendants(String code) {
        return units.find(Query.query(Criteria.where("ancestorCodes").is(code)).with(Sort.by("code")));
    }

    /**
     * The units a plan's cascade directive obliges: the government units directly below the issuer, its own
     * agencies, and agencies named one by one (each must be an agency in the issuer's subtree).
     */
    public List<Unit> cascadeTargets(String issuerCode, boolean subordinateGovernments, boolean ownAgencies, List<String> agencyCodes) {
        Map<String, Unit> targets = new java.util.LinkedHashMap<>();
        for (Unit child : units.find(Query.query(Criteria.where("parentCode").is(issuerCode)).with(Sort.by("code")))) {
            if (child.isGovernment() ? subordinateGovernments : ownAgencies) {
                targets.put(child.code(), child);
            }
        }
        List<String> refused = new ArrayList<>();
        for (String code : agencyCodes) {
            Optional<Unit> agency = find(code).filter(u -> !u.isGovernment() && u.ancestorCodes().contains(issuerCode));
            agency.ifPresentOrElse(u -> targets.put(u.code(), u), () -> refused.add(code));
        }
        if (!refused.isEmpty()) {
            throw new RuleViolationException(RuleViolationException.Kind.INVALID, "unknown-agencies",
                    "Các mã sau không phải cơ quan thuộc phạm vi của đơn vị ban hành: " + String.join(", ", refused) + ".", refused);
        }
        return List.copyOf(targets.values());
    }

    public PageView<Unit> list(UnitFilter filter, int page, int size) {
        Criteria criteria = new Criteria();
        List<Criteria> parts = new ArrayList<>();
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

    public record UnitFilter(String parentCode, UnitLevel level, UnitKind kind, String provinceCode) {
    }

    private OutboxMessage registered(Unit unit) {
        return messages.create(EventCatalog.UNIT_REGISTERED, unit.provinceCode(), "units/" + unit.code(), new UnitRecorded(
                unit.code(), unit.name(), unit.level().name(), unit.kind().name(), unit.parentCode(), unit.provinceCode(), unit.ancestorCodes()));
    }

    private OutboxMessage updated(Unit unit) {
        return messages.create(EventCatalog.UNIT_UPDATED, unit.provinceCode(), "units/" + unit.code(), new UnitRecorded(
                unit.code(), unit.name(), unit.level().name(), unit.kind().name(), unit.parentCode(), unit.provinceCode(), unit.ancestorCodes()));
    }
}
