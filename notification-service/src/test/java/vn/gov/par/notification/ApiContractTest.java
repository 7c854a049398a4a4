package vn.gov.par.notification;

import java.util.List;

import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.ServiceApiContract;

class ApiContractTest extends ServiceApiContract {

    ApiContractTest() {
        super(List.of(Topics.NOTIFICATION_EVENTS), "/api/contacts/import", "/api/contacts/{unitCode}", "/api/contacts/unreachable",
                "/api/contacts/undeliverable", "/api/contacts/undeliverable/{email}", "/api/holidays", "/api/calendar-adjustments",
                "/api/calendar-adjustments/{date}", "/api/mail-log");
    }
}
