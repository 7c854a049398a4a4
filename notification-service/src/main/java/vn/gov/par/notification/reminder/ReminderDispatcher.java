package vn.gov.par.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.notification.EscalationSent;
import vn.gov.par.contracts.notification.ReminderFacts;
import vn.gov.par.contracts.notification.ReminderFailed;
import vn.gov.par.contracts.notification.ReminderSent;
import vn.gov.par.notification.contact.ContactDirectory;
import vn.gov.par.notification.mail.Digest;
import vn.gov.par.notification.mail.DigestItem;
import vn.gov.par.notification.mail.MailGateway;
import vn.gov.par.notification.mail.Recipient;
import vn.gov.par.notification.mail.UndeliverableAddressException;
import vn.gov.par.notification.maillog.MailLog;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.outbox.EventOutbox;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.ConcurrentUpdateException;
import vn.gov.par.support.persistence.Versioned;

/**
 * Sends the reminders that are due, one digest per recipient. Safe with several instances: a reminder is
 * claimed by a write conditional on its revision, and each delivery's intent is recorded before its mail
 * goes out. If the mail server is unavailable nothing is lost: the intent is withdrawn, the reminder stays
 * pending and is tried again after a pause.
 */
@Service
public class ReminderDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);

    private final AggregateStore<Reminder> reminders;
    private final AggregateStore<Delivery> deliveries;
    private final Deadlines deadlines;
    private final ContactDirectory contacts;
    private final MailGateway mail;
    private final MailLog mailLog;
    private final EventOutbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration lease;
    private final Duration retryAfter;

    public ReminderDispatcher(AggregateStore<Reminder> reminders, AggregateStore<Delivery> deliveries, Deadlines deadlines,
            ContactDirectory contacts, MailGateway mail, MailLog mailLog, EventOutbox outbox, MeterRegistry meters, Clock clock,
            @Value("${par.notifications.delivery-lease:10m}") Duration lease,
            @Value("${par.notifications.retry-after:5m}") Duration retryAfter) {
        this.reminders = reminders;
        this.deliveries = deliveries;
        this.deadlines = deadlines;
        this.contacts = contacts;
        this.mail = mail;
        this.mailLog = mailLog;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
        this.lease = lease;
        this.retryAfter = retryAfter;
    }

    /** A delivery this pass intends to make, with the revision its intent was written at. */
    private record Pending(Versioned<Reminder> reminder, Deadline deadline, Delivery delivery, long deliveryRevision, Recipient recipient) {
    }

    /** Sends what is due now; answers how many digests went out. */
    public int dispatch() {
        Instant now = clock.instant();
        Map<String, List<Pending>> byRecipient = new LinkedHashMap<>();
        List<Versioned<Reminder>> claimed = withoutSuperseded(claimDue(now), now);
        for (Versioned<Reminder> reminder : claimed) {
            collect(reminder, now).forEach(p -> byRecipient.computeIfAbsent(p.recipient().email(), e -> new ArrayList<>()).add(p));
        }
        int sent = 0;
        for (List<Pending> digest : byRecipient.values()) {
            sent += deliver(digest, now) ? 1 : 0;
        }
        claimed.forEach(reminder -> settleIfDelivered(reminder.value().id()));
        return sent;
    }

    private List<Versioned<Reminder>> claimDue(Instant now) {
        Criteria free = new Criteria().orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(now));
        Query due = Query.query(new Criteria().andOperator(Criteria.where("state").is(ReminderState.PENDING), Criteria.where("sendAt").lte(now),
                free)).limit(500);
        List<Versioned<Reminder>> claimed = new ArrayList<>();
        for (Versioned<Reminder> candidate : reminders.findVersioned(due)) {
            Reminder mine = candidate.value().claim(now.plus(lease));
            try {
                reminders.update(mine, candidate.revision(), List.of());
                claimed.add(new Versioned<>(mine, candidate.revision() + 1));
            } catch (ConcurrentUpdateException anotherDispatcherTookIt) {
                // it will be sent by the other one
            }
        }
        return claimed;
    }

    /**
     * Of several reminders of one deadline due at once for the same audience (after an outage, say), only the
     * most urgent goes out: "7 days left" is noise once the deadline is due today.
     */
    private List<Versioned<Reminder>> withoutSuperseded(List<Versioned<Reminder>> claimed, Instant now) {
        Map<String, Versioned<Reminder>> latest = new LinkedHashMap<>();
        for (Versioned<Reminder> r : claimed) {
            latest.merge(r.value().deadlineId() + "|" + r.value().audience(), r,
                    (a, b) -> a.value().offsetDays() >= b.value().offsetDays() ? a : b);
        }
        List<Versioned<Reminder>> kept = new ArrayList<>(latest.values());
        for (Versioned<Reminder> r : claimed) {
            if (!kept.contains(r)) {
                settleQuietly(r, ReminderState.DONE);
                meters.counter("par.reminders.mailed", "stage", r.value().stage().name(), "outcome", "SUPERSEDED").increment();
            }
        }
        return kept;
    }

    /** The deliveries this reminder still needs, each with its intent recorded; none if the work was done meanwhile. */
    private List<Pending> collect(Versioned<Reminder> reminder, Instant now) {
        Optional<Deadline> deadline = deadlines.find(reminder.value().deadlineId()).filter(Deadline::open);
        if (deadline.isEmpty()) {
            settleQuietly(reminder, ReminderState.CANCELLED);
            return List.of();
        }
        List<Recipient> recipients = contacts.recipientsOf(audienceUnit(reminder.value(), deadline.get()));
        if (recipients.isEmpty()) {
            mailLog.record(line(reminder.value(), deadline.get(), null), now, "UNREACHABLE",
                    "Đơn vị " + audienceUnit(reminder.value(), deadline.get()) + " chưa có địa chỉ nhận thư.");
            return List.of();
        }
        List<Pending> pending = new ArrayList<>();
        for (Recipient recipient : recipients) {
            intent(reminder.value(), recipient, now)
                    .ifPresent(d -> pending.add(new Pending(reminder, deadline.get(), d.value(), d.revision(), recipient)));
        }
        return pending;
    }

    private Optional<Versioned<Delivery>> intent(Reminder reminder, Recipient recipient, Instant now) {
        String id = DerivedId.of(reminder.id(), recipient.email());
        Optional<Versioned<Delivery>> existing = deliveries.find(id);
        if (existing.isEmpty()) {
            Delivery fresh = Delivery.intent(id, reminder, recipient, now.plus(lease));
            return deliveries.insertIfAbsent(fresh, List.of()) ? Optional.of(new Versioned<>(fresh, 0)) : Optional.empty();
        }
        if (!existing.get().value().abandonedBefore(now)) {
            return Optional.empty();
        }
        Delivery retaken = existing.get().value().retakenAfterCrash(now.plus(lease));
        try {
            deliveries.update(retaken, existing.get().revision(), List.of());
            return Optional.of(new Versioned<>(retaken, existing.get().revision() + 1));
        } catch (ConcurrentUpdateException anotherDispatcherTookIt) {
            return Optional.empty();
        }
    }

    private boolean deliver(List<Pending> claimedDigest, Instant now) {
        List<Pending> digest = stillOurs(claimedDigest);
        if (digest.isEmpty()) {
            return false;
        }
        Recipient recipient = digest.get(0).recipient();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<DigestItem> items = digest.stream().map(p -> item(p, today)).toList();
        try {
            String subject = mail.send(new Digest(recipient, today, items));
            digest.forEach(p -> settle(p, p.delivery().sent(now), now, p.delivery().resentAfterCrash() ? "RESENT" : "SENT", subject));
            return true;
        } catch (UndeliverableAddressException e) {
            digest.forEach(p -> settle(p, p.delivery().failed(now, e.getMessage()), now, "FAILED", e.getMessage()));
            return false;
        } catch (RuntimeException mailServerUnavailable) {
            log.warn("Could not mail {} reminders to {}; they stay pending: {}", digest.size(), recipient.email(),
                    mailServerUnavailable.toString());
            digest.forEach(p -> withdraw(p, now, mailServerUnavailable));
            return false;
        }
    }

    /**
     * Renews each intent's lease just before its mail goes out, so a long pass cannot outlive its leases and let
     * another instance take the same deliveries. An intent whose revision moved meanwhile belongs to someone else.
     */
    private List<Pending> stillOurs(List<Pending> digest) {
        List<Pending> ours = new ArrayList<>();
        for (Pending p : digest) {
            Delivery renewed = p.delivery().renewed(clock.instant().plus(lease));
            try {
                deliveries.update(renewed, p.deliveryRevision(), List.of());
                ours.add(new Pending(p.reminder(), p.deadline(), renewed, p.deliveryRevision() + 1, p.recipient()));
            } catch (ConcurrentUpdateException takenMeanwhile) {
                // another instance holds it now
            }
        }
        return ours;
    }

    private void settle(Pending p, Delivery settled, Instant now, String outcome, String detail) {
        Versioned<Delivery> current = deliveries.find(settled.id()).orElseThrow();
        deliveries.update(settled, current.revision(), List.of(event(p, settled, now)));
        mailLog.record(line(p.reminder().value(), p.deadline(), p.recipient()), now, outcome, detail);
        meters.counter("par.reminders.mailed", "stage", p.reminder().value().stage().name(), "outcome", outcome).increment();
    }

    /** Nothing went out: drop the intent, so the next attempt is a first attempt, not a resend. */
    private void withdraw(Pending p, Instant now, RuntimeException cause) {
        deliveries.delete(p.delivery().id());
        mailLog.record(line(p.reminder().value(), p.deadline(), p.recipient()), now, "DEFERRED", cause.toString());
        meters.counter("par.reminders.mailed", "stage", p.reminder().value().stage().name(), "outcome", "DEFERRED").increment();
    }

    /** A reminder changed meanwhile (cancelled by a fulfilment, say) needs nothing more from this pass. */
    private void settleQuietly(Versioned<Reminder> reminder, ReminderState state) {
        try {
            reminders.update(reminder.value().settled(state), reminder.revision(), List.of());
        } catch (ConcurrentUpdateException changedMeanwhile) {
            // its new state stands
        }
    }

    /** A reminder is done once each recipient's delivery is settled; otherwise it waits for its next attempt. */
    private void settleIfDelivered(String reminderId) {
        Versioned<Reminder> reminder = reminders.find(reminderId).orElseThrow();
        if (reminder.value().state() != ReminderState.PENDING) {
            return;
        }
        List<Delivery> done = deliveries.find(Query.query(Criteria.where("reminderId").is(reminderId)));
        boolean undelivered = done.isEmpty() || done.stream().anyMatch(d -> !d.isSettled());
        Optional<Deadline> deadline = deadlines.find(reminder.value().deadlineId());
        boolean unreachable = done.isEmpty() && deadline.isPresent()
                && contacts.recipientsOf(audienceUnit(reminder.value(), deadline.get())).isEmpty();
        if (undelivered && !unreachable) {
            reminders.update(reminder.value().claim(clock.instant().plus(retryAfter)), reminder.revision(), List.of());
            return;
        }
        reminders.update(reminder.value().settled(ReminderState.DONE), reminder.revision(), List.of());
        if (reminder.value().stage() == Stage.OVERDUE) {
            deadlines.planNextOverdue(reminder.value());
        }
    }

    private OutboxMessage event(Pending p, Delivery settled, Instant now) {
        Reminder r = p.reminder().value();
        Deadline d = p.deadline();
        ReminderFacts facts = new ReminderFacts(r.id(), d.id(), d.kind().name(), d.sourceId(), d.planId(), d.unitCode(), d.provinceCode(),
                r.stage().name(), r.offsetDays(), d.dueDate(), settled.recipientEmail(), settled.recipientUnitCode());
        String key = d.provinceCode();
        String subject = "reminders/" + r.id();
        if (settled.state() == DeliveryState.FAILED) {
            return outbox.message(EventCatalog.REMINDER_FAILED, key, subject, new ReminderFailed(facts, now, settled.failure()));
        }
        return r.stage() == Stage.ESCALATION
                ? outbox.message(EventCatalog.ESCALATION_SENT, key, subject, new EscalationSent(facts, now, settled.resentAfterCrash()))
                : outbox.message(EventCatalog.REMINDER_SENT, key, subject, new ReminderSent(facts, now, settled.resentAfterCrash()));
    }

    private static DigestItem item(Pending p, LocalDate today) {
        Deadline d = p.deadline();
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(d.dueDate(), today));
        return new DigestItem(d.id(), d.kind(), p.reminder().value().stage(), d.whatIsDue(), d.planNumber(), d.planTitle(), d.unitName(),
                d.dueDate(), daysLate, d.actionPath());
    }

    /** The unit a reminder is for; null for an escalation of work nobody supervises. */
    private static String audienceUnit(Reminder reminder, Deadline deadline) {
        return reminder.audience() == Audience.SUPERVISOR ? deadline.supervisorUnitCode() : deadline.unitCode();
    }

    private static MailLog.Line line(Reminder r, Deadline d, Recipient recipient) {
        return new MailLog.Line(recipient == null ? null : recipient.email(), recipient == null ? audienceUnit(r, d) : recipient.unitCode(),
                d.id(), d.planId(), d.unitCode(), d.kind().name(), r.stage().name(), r.offsetDays());
    }
}
