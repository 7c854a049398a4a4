package vn.gov.par.task;

import java.util.List;

import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.ServiceApiContract;

class ApiContractTest extends ServiceApiContract {

    ApiContractTest() {
        super(List.of(Topics.TASK_EVENTS), "/api/tasks", "/api/tasks/{taskId}", "/api/tasks/unrecognised-schedules",
                "/api/tasks/{taskId}/schedule", "/api/plans/{planId}/tasks", "/api/occurrences/{occurrenceId}/progress",
                "/api/rollups/units/{unitCode}", "/api/rollups/plans/{planId}", "/api/unresolved-assignees",
                "/api/plans/{planId}/unresolved-assignees", "/api/timeframes/parse");
    }
}
