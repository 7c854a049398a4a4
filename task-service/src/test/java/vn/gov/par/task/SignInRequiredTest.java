package vn.gov.par.task;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.SignInRequired;

@PlatformIntegrationTest
class SignInRequiredTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyOperationRefusesNoTokenAnExpiredOneAndOneSignedByAnotherKeyAndChangesNothing() {
        SignInRequired.assertEveryOperationRefusesStrangers(port, mongo, List.of(Topics.TASK_EVENTS));
    }
}
