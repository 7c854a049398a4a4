package vn.gov.par.plan.cascade;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.plan.unit.UnitHistory;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * A unit has a history once it has plans of its own, owes a sub-plan, or sits below a unit that has issued a plan: from
 * then on the other services may have given it work or expect reports from it (through "UBND các xã" and the like),
 * which only moving or renaming keeps.
 */
@Component
class UnitHistoryInPlans implements UnitHistory {

    private final AggregateStore<Plan> plans;
    private final AggregateStore<SubPlanObligation> obligations;

    UnitHistoryInPlans(AggregateStore<Plan> plans, AggregateStore<SubPlanObligation> obligations) {
        this.plans = plans;
        this.obligations = obligations;
    }

    @Override
    public List<String> of(Unit unit) {
        List<String> history = new ArrayList<>();
        if (plans.count(Query.query(Criteria.where("issuerCode").is(unit.code()))) > 0) {
            history.add("Đơn vị đã có kế hoạch của mình.");
        }
        if (obligations.count(Query.query(Criteria.where("unitCode").is(unit.code()))) > 0) {
            history.add("Đơn vị đã được giao ban hành kế hoạch thực hiện.");
        }
        if (!unit.ancestorCodes().isEmpty() && plans.count(Query.query(Criteria.where("issuerCode").in(unit.ancestorCodes())
                .and("issuedOn").ne(null))) > 0) {
            history.add("Cấp trên của đơn vị đã ban hành kế hoạch: việc và báo cáo có thể đã được giao cho đơn vị.");
        }
        return history;
    }
}
