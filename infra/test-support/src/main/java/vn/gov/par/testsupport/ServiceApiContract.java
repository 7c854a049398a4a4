package vn.gov.par.testsupport;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What every service's HTTP API promises whoever calls it, checked the same way in each: its documentation served
 * and complete ({@link ApiDocumentation}), and every operation closed to a caller without a valid token
 * ({@link SignInRequired}), and every operation that changes something following the access rules ({@link AccessRules}).
 * A service's test extends it and names its paths, the topics it publishes to and how to drive each of its writes.
 */
@PlatformIntegrationTest
public abstract class ServiceApiContract {

    private final List<String> topics;
    private final String[] documentedPaths;

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    /**
     * @param topics          the topics the service publishes to, where a refused request must add nothing
     * @param documentedPaths paths its documentation must list among others
     */
    protected ServiceApiContract(List<String> topics, String... documentedPaths) {
        this.topics = topics;
        this.documentedPaths = documentedPaths;
    }

    @Test
    void servesItsApiDocumentedWithExamplesAndProblems() {
        ApiDocumentation.assertServedAndDocumented(HttpJson.onPort(port), documentedPaths);
    }

    @Test
    void everyOperationRefusesNoTokenAnExpiredOneAndOneSignedByAnotherKeyAndChangesNothing() {
        SignInRequired.assertEveryOperationRefusesStrangers(port, mongo, topics);
    }

    @Test
    void everyWriteIsRefusedToWhomTheRulesLeaveOutAndAllowedToTheOwningUnit() {
        AccessRules.assertEveryWriteFollowsTheRules(port, mongo, topics, consumers(), guardedWrites());
    }

    /** Each documented operation that changes something: how to make a fresh resource for it, and who owns it. */
    protected abstract List<GuardedWrite> guardedWrites();

    /** The service's groups that consume its own topics, so a write has settled only once they caught up. */
    protected List<RefusalProbe.Consumer> consumers() {
        return List.of();
    }
}
