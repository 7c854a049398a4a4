package vn.gov.par.task.task;

import org.springframework.stereotype.Component;

import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.text.VietnameseDates;

/**
 * The units retired (dissolved, or merged into a successor), as this service's directory has them: their work stays readable
 * under their names, and nobody records progress on it or schedules it any more.
 */
@Component
class RetiredUnits {

    private final UnitDirectoryView directory;

    RetiredUnits(UnitDirectoryView directory) {
        this.directory = directory;
    }

    /** Refuses a change to the work of a retired unit, as a conflict with the unit's state. */
    void refuseIfRetired(String unitCode, String change) {
        directory.find(unitCode).filter(KnownUnit::isRetired).ifPresent(unit -> {
            throw RuleViolationException.conflict("unit-retired", unit.name() + " đã " + howRetired(unit) + " ngày "
                    + VietnameseDates.format(unit.retiredOn()) + "; không " + change + " nữa.");
        });
    }

    private String howRetired(KnownUnit unit) {
        if (unit.successorCode() == null) {
            return "giải thể";
        }
        return "sáp nhập vào " + directory.find(unit.successorCode()).map(KnownUnit::name).orElse(unit.successorCode());
    }
}
