package vn.gov.par.report.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Plan-execution scores of units for a year, from the task ledger, out of the configured points. */
@Component
public class ExecutionScores {

    private final TaskLedger ledger;
    private final double maxPoints;

    public ExecutionScores(TaskLedger ledger, @Value("${par.reports.execution-max-points:1.0}") double maxPoints) {
        this.ledger = ledger;
        this.maxPoints = maxPoints;
    }

    /** @param asOf work due after this day is not counted yet */
    public ExecutionScore of(String unitCode, int year, LocalDate asOf) {
        return ExecutionScore.of(unitCode, year, ledger.execution(unitCode, year, asOf), maxPoints);
    }

    public Map<String, ExecutionScore> of(Collection<String> unitCodes, int year, LocalDate asOf) {
        return ledger.executions(unitCodes, year, asOf).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ExecutionScore.of(e.getKey(), year, e.getValue(), maxPoints)));
    }
}
