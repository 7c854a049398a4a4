package vn.gov.par.report.rollup.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.par.report.ledger.ExecutionScore;
import vn.gov.par.report.ledger.ExecutionScores;
import vn.gov.par.report.rollup.ReportRollup;
import vn.gov.par.report.rollup.RollupDocument;
import vn.gov.par.report.rollup.RollupQueries;
import vn.gov.par.report.schedule.PeriodType;

@RestController
class RollupController {

    private static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final RollupQueries rollups;
    private final ExecutionScores scores;
    private final Clock clock;

    RollupController(RollupQueries rollups, ExecutionScores scores, Clock clock) {
        this.rollups = rollups;
        this.scores = scores;
        this.clock = clock;
    }

    /**
     * A unit's own report and every report from below it, for one period of a plan's cascade: the reports below
     * whose period ends with this one count, whatever their plan calls it (a commune's Quý II in a 6-month roll-up).
     */
    @GetMapping("/api/rollups/reports")
    ReportRollup rollup(@RequestParam String unitCode, @RequestParam String rootPlanId, @RequestParam PeriodType periodType) {
        return rollups.rollup(unitCode, rootPlanId, periodType);
    }

    /** The same, as a Word document in the usual administrative layout. */
    @GetMapping("/api/rollups/reports.docx")
    ResponseEntity<byte[]> rollupDocument(@RequestParam String unitCode, @RequestParam String rootPlanId,
            @RequestParam PeriodType periodType, @RequestParam(required = false) String preparedBy) {
        ReportRollup rollup = rollups.rollup(unitCode, rootPlanId, periodType);
        String fileName = "bao-cao-tong-hop-" + unitCode + "-" + periodType.name().toLowerCase() + ".docx";
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(RollupDocument.render(rollup, preparedBy));
    }

    /** The unit's plan execution for the year, scored as the commune PAR-index guidance does. */
    @GetMapping("/api/scores/plan-execution")
    ExecutionScore executionScore(@RequestParam String unitCode, @RequestParam int year) {
        return scores.of(unitCode, year, LocalDate.now(clock));
    }
}
