package vn.gov.par.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

import vn.gov.par.task.task.OccurrenceIndexes;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.ServiceHealth;

@PlatformIntegrationTest
class TaskServiceStartsTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void isHealthyOnKafkaAndMongoAndExposesPrometheusMetrics() {
        ServiceHealth.assertHealthyAndScrapable(HttpJson.onPort(port), "task-service");
    }

    /** A store made before the list's indexes held releasedOn keeps no copy of them without it, which every write would keep up. */
    @Test
    void startingDropsTheListsIndexesAStoreMadeBeforeHeldWithoutReleasedOn() {
        mongo.indexOps("occurrences").createIndex(new Index("provinceCode", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC)
                .on("unitCode", Sort.Direction.ASC));
        mongo.indexOps("occurrences").createIndex(new Index("unitCode", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));

        OccurrenceIndexes.declare(mongo);

        List<String> names = mongo.indexOps("occurrences").getIndexInfo().stream().map(IndexInfo::getName).toList();
        assertThat(names).doesNotContain("provinceCode_1_dueDate_1_unitCode_1", "unitCode_1_dueDate_1")
                .contains("provinceCode_1_dueDate_1_unitCode_1_releasedOn_1", "unitCode_1_dueDate_1_releasedOn_1");
    }
}
