package vn.gov.par.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.data.mongodb.core.MongoTemplate;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.testsupport.KafkaTopicProbe;

/**
 * Places units in notification-service's own copy of the units directory as plan-service announces them (a
 * {@code UnitRecorded} event on {@code unit.events}), and waits until the service under test holds each as announced:
 * where a unit sits decides what its officials may see and change. "TW" heads every hierarchy, as in the real
 * directory, so the tests' default caller (an administrator of "TW") sees and administers them all.
 */
public final class UnitEvents {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();

    /** The head of the directory: the units above a province are ["TW"]. */
    public static final UnitRecorded TW = new UnitRecorded("TW", "Chính phủ", "CENTRAL", "GOVERNMENT", null, "TW", List.of(), null);

    private UnitEvents() {
    }

    /**
     * A government unit below those named, from the top down ("TW", "70", "694"): its parent is the last of them and its
     * province the first below "TW" (itself, for a province).
     */
    public static UnitRecorded unit(String code, String name, String level, String... ancestors) {
        List<String> path = List.of(ancestors);
        return new UnitRecorded(code, name, level, "GOVERNMENT", path.isEmpty() ? null : path.get(path.size() - 1),
                path.size() < 2 ? code : path.get(1), path, null);
    }

    /**
     * Publishes each unit the service's view (in the context's own database) does not yet hold as given, then waits until
     * it holds every one.
     */
    public static void place(MongoTemplate mongo, UnitRecorded... units) {
        for (UnitRecorded unit : units) {
            if (!known(mongo, unit)) {
                KAFKA.publish(EventCatalog.UNIT_REGISTERED, unit.code(), unit);
            }
        }
        await("units known to notification-service").atMost(Duration.ofSeconds(30))
                .until(() -> List.of(units).stream().allMatch(unit -> known(mongo, unit)));
    }

    private static boolean known(MongoTemplate mongo, UnitRecorded unit) {
        KnownUnit known = mongo.findById(unit.code(), KnownUnit.class, "units");
        return known != null && Objects.equals(known.parentCode(), unit.parentCode()) && known.ancestorCodes().equals(unit.ancestorCodes());
    }
}
