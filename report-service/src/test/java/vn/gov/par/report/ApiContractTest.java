package vn.gov.par.report;

import java.util.List;

import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.ServiceApiContract;

class ApiContractTest extends ServiceApiContract {

    ApiContractTest() {
        super(List.of(Topics.REPORT_EVENTS), "/api/reports", "/api/reports/{id}/draft", "/api/reports/{id}/accept",
                "/api/rollups/reports", "/api/rollups/reports.docx", "/api/scores/plan-execution", "/api/reporting-schedules/parse",
                "/api/plans/{planId}/reporting-schedule");
    }
}
