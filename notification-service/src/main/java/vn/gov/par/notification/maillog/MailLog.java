package vn.gov.par.notification.maillog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.gov.par.support.access.Access;
import vn.gov.par.support.web.PageView;

/** Every attempt to mail a reminder, readable by unit, recipient, plan and outcome. */
@Component
public class MailLog {

    private static final String COLLECTION = "mail_log";

    private final MongoTemplate mongo;

    public MailLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Line(String recipientEmail, String recipientUnitCode, String deadlineId, String planId, String unitCode, String kind,
            String stage, int offsetDays) {
    }

    public void record(Line line, Instant at, String outcome, String detail) {
        mongo.insert(new MailLogEntry(UUID.randomUUID().toString(), at, line.recipientEmail(), line.recipientUnitCode(), line.deadlineId(),
                line.planId(), line.unitCode(), line.kind(), line.stage(), line.offsetDays(), outcome, detail), COLLECTION);
    }

    /**
     * The entries the official sees, by the filters given: those about its own unit or one below it, as the deadline's
     * unit or as the recipient's (so a unit sees the escalations written to it about the units below, and what was
     * written to its own people).
     */
    public PageView<MailLogEntry> find(String unitCode, String recipient, String planId, String outcome, int page, int size, Access access) {
        List<Criteria> parts = new ArrayList<>();
        if (!access.seesEverything()) {
            parts.add(new Criteria().orOperator(Criteria.where("unitCode").in(access.subtree()),
                    Criteria.where("recipientUnitCode").in(access.subtree())));
        }
        if (unitCode != null) {
            parts.add(new Criteria().orOperator(Criteria.where("unitCode").is(unitCode), Criteria.where("recipientUnitCode").is(unitCode)));
        }
        if (recipient != null) {
            parts.add(Criteria.where("recipientEmail").is(recipient));
        }
        if (planId != null) {
            parts.add(Criteria.where("planId").is(planId));
        }
        if (outcome != null) {
            parts.add(Criteria.where("outcome").is(outcome));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        long total = mongo.count(query, COLLECTION);
        return new PageView<>(mongo.find(query.with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size).limit(size),
                MailLogEntry.class, COLLECTION), page, size, total);
    }
}
