package vn.gov.par.notification.reminder;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.gov.par.support.persistence.Documents;

/**
 * Which recipients have had their digest of a day, so that nobody gets a second one that day: what comes due after it
 * (a reminder held back, a deadline learnt of late) waits for the next day's.
 */
@Component
class DailyDigests {

    private static final String COLLECTION = "daily_digests";

    private final MongoTemplate mongo;

    record DigestSent(String email, LocalDate day) {
    }

    DailyDigests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean sentOn(String email, LocalDate day) {
        return mongo.exists(Query.query(Criteria.where("_id").is(idOf(email, day))), COLLECTION);
    }

    void record(String email, LocalDate day) {
        Documents.insertIfAbsent(mongo, COLLECTION, new DigestSent(email.toLowerCase(Locale.ROOT), day), idOf(email, day));
    }

    private static String idOf(String email, LocalDate day) {
        return email.toLowerCase(Locale.ROOT) + "|" + day;
    }
}
