package vn.gov.par.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.notification.EscalationSent;
import vn.gov.par.contracts.notification.ReminderFacts;
import vn.gov.par.contracts.notification.ReminderFailed;
import vn.gov.par.contracts.notification.ReminderSent;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.notification.calendar.WorkingCalendars;
import vn.gov.par.notification.contact.ContactDirectory;
import vn.gov.par.notification.mail.Digest;
import vn.gov.par.notification.mail.DigestItem;
import vn.gov.par.notification.mail.MailGateway;
import vn.gov.par.notification.mail.MailServerUnavailableException;
import vn.gov.par.notification.mail.Recipient;
import vn.gov.par.notification.mail.UndeliverableAddressException;
import vn.gov.par.notification.maillog.MailLog;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.ConcurrentUpdateException;
import vn.gov.par.support.persistence.Versioned;

/**
 * Sends the reminders that are due, one digest per recipient holding all of that recipient's due reminders; each pass
 * first has the deadlines write the reminders that fell due ({@link Deadlines#bringDue}).
 * Safe with several instances: a recipient is claimed before being written to, and each delivery's intent is
 * recorded before its mail goes out. If the mail server is unavailable nothing is lost: the intent is
 * withdrawn, the reminder stays pending and is tried again after a pause.
 */
@Service
public class ReminderDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);

    private final AggregateStore<Reminder> reminders;
    private final AggregateStore<Delivery> deliveries;
    private final Deadlines deadlines;
    private final ContactDirectory contacts;
    private final RecipientClaims claims;
    private final MailGateway mail;
    private final MailLog mailLog;
    private final OutboxMessageFactory messages;
    private final ReminderMetrics metrics;
    private final Addressees addressees;
    private final DailyDigests dailyDigests;
    private final WorkingCalendars calendars;
    private final LocalTime sendAt;
    private final Clock clock;
    private final Duration lease;
    private final Duration retryAfter;
    private final int recipientsPerPass;

    public ReminderDispatcher(AggregateStore<Reminder> reminders, AggregateStore<Delivery> deliveries, Deadlines deadlines,
            ContactDirectory contacts, RecipientClaims claims, MailGateway mail, MailLog mailLog, OutboxMessageFactory messages, ReminderMetrics metrics,
            Addressees addressees, DailyDigests dailyDigests, WorkingCalendars calendars, ReminderPolicies policies, Clock clock, @Value("${par.notifications.delivery-lease:10m}") Duration lease,
            @Value("${par.notifications.retry-after:5m}") Duration retryAfter,
            @Value("${par.notifications.dispatch-batch:500}") int recipientsPerPass) {
        this.reminders = reminders;
        this.deliveries = deliveries;
        this.deadlines = deadlines;
        this.contacts = contacts;
        this.claims = claims;
        this.mail = mail;
        this.mailLog = mailLog;
        this.messages = messages;
        this.metrics = metrics;
        this.addressees = addressees;
        this.dailyDigests = dailyDigests;
        this.calendars = calendars;
        this.sendAt = policies.sendAt();
        this.clock = clock;
        this.lease = lease;
        this.retryAfter = retryAfter;
        this.recipientsPerPass = recipientsPerPass;
    }

    /** A reminder due now, and one of the people it goes to. */
    private record Due(Versioned<Reminder> reminder, Deadline deadline, Recipient recipient) {
    }

    /** A delivery this pass intends to make, its intent recorded. */
    private record Pending(Due due, Delivery delivery) {
    }

    private enum Outcome { SENT, NOTHING, FAILED, DEFERRED }

    /**
     * Sends what is due now to up to the configured number of recipients; answers how many digests went out. Nothing
     * goes out before the day's send time, and nobody gets a second digest on a day: after a gap in sending, the
     * backlog goes out with the day's reminders as one digest, each deadline in it once.
     */
    public int dispatch() {
        Instant now = clock.instant();
        if (LocalTime.ofInstant(now, clock.getZone()).isBefore(sendAt)) {
            return 0;
        }
        deadlines.bringDue(now);
        int sent = 0;
        Set<String> touched = new LinkedHashSet<>();
        Set<String> deferred = new HashSet<>();
        for (List<Due> forOneRecipient : dueByRecipient(now).values().stream().limit(recipientsPerPass).toList()) {
            Outcome outcome = deliverTo(forOneRecipient, now);
            List<String> ids = forOneRecipient.stream().map(d -> d.reminder().value().id()).toList();
            touched.addAll(ids);
            if (outcome == Outcome.DEFERRED) {
                deferred.addAll(ids);
            }
            sent += outcome == Outcome.SENT ? 1 : 0;
        }
        touched.forEach(id -> settle(id, deferred.contains(id)));
        return sent;
    }

    /** Every due reminder, by recipient (ordered by address); a reminder nobody can receive is settled as such. */
    private Map<String, List<Due>> dueByRecipient(Instant now) {
        Criteria notHeld = new Criteria().orOperator(Criteria.where("heldUntil").is(null), Criteria.where("heldUntil").lt(now));
        Query due = Query.query(new Criteria().andOperator(Criteria.where("state").is(ReminderState.PENDING), Criteria.where("sendAt").lte(now),
                notHeld));
        Map<String, Optional<Deadline>> openDeadlines = new HashMap<>();
        Map<String, List<Recipient>> recipientsByAudience = new HashMap<>();
        Map<String, List<Due>> byRecipient = new TreeMap<>();
        for (Versioned<Reminder> reminder : reminders.findVersioned(due)) {
            Optional<Deadline> deadline = openDeadlines.computeIfAbsent(reminder.value().deadlineId(),
                    id -> deadlines.find(id).filter(Deadline::open));
            if (deadline.isEmpty()) {
                settleQuietly(reminder, reminder.value().settled(ReminderState.CANCELLED));
                continue;
            }
            Audience audience = reminder.value().audience();
            String unit = addressees.unitOf(reminder.value(), deadline.get());
            List<Recipient> recipients = recipientsByAudience.computeIfAbsent(audience + "|" + unit, key -> addressees.at(audience, unit));
            if (recipients.isEmpty()) {
                unreachable(reminder, deadline.get(), now);
            }
            for (Recipient recipient : recipients) {
                byRecipient.computeIfAbsent(recipient.email().toLowerCase(Locale.ROOT), e -> new ArrayList<>())
                        .add(new Due(reminder, deadline.get(), recipient));
            }
        }
        return byRecipient;
    }

    /** Nobody to write to at this stage: logged and settled, while the deadline's later stages still go out to whoever is added meanwhile. */
    private void unreachable(Versioned<Reminder> reminder, Deadline deadline, Instant now) {
        if (settleQuietly(reminder, reminder.value().settled(ReminderState.UNREACHABLE))) {
            String unit = addressees.unitOf(reminder.value(), deadline);
            mailLog.record(line(reminder.value(), deadline, null), now, "UNREACHABLE", unit == null
                    ? "Không có đơn vị giám sát nào khác đơn vị thực hiện để báo cáo việc quá hạn."
                    : "Đơn vị " + unit + " chưa có địa chỉ nhận thư.");
            count(reminder.value(), "UNREACHABLE");
            planNextIfOverdue(reminder.value());
        }
    }

    /** One digest with every due reminder of this recipient not yet delivered, unless another instance is writing to them now. */
    private Outcome deliverTo(List<Due> dues, Instant now) {
        String email = dues.get(0).recipient().email().toLowerCase(Locale.ROOT);
        Instant claimUntil = now.plus(lease);
        if (!claims.claim(email, now, claimUntil)) {
            return Outcome.NOTHING;
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        if (dailyDigests.sentOn(email, today)) {
            claims.release(email, claimUntil);
            return Outcome.NOTHING; // what came due since waits for tomorrow's digest
        }
        try {
            List<Pending> pending = new ArrayList<>();
            for (Due due : dues) {
                intent(due.reminder().value(), due.recipient(), now).ifPresent(d -> pending.add(new Pending(due, d)));
            }
            return pending.isEmpty() ? Outcome.NOTHING : send(pending, now);
        } finally {
            claims.release(email, claimUntil);
        }
    }

    private Optional<Delivery> intent(Reminder reminder, Recipient recipient, Instant now) {
        String id = Delivery.idOf(reminder.id(), recipient.email());
        Optional<Versioned<Delivery>> existing = deliveries.find(id);
        if (existing.isEmpty()) {
            Delivery fresh = Delivery.intent(id, reminder, recipient, now.plus(lease));
            recordDelivery(reminder, id);
            return deliveries.insertIfAbsent(fresh, List.of()) ? Optional.of(fresh) : Optional.empty();
        }
        if (!existing.get().value().abandonedBefore(now)) {
            return Optional.empty();
        }
        Delivery retaken = existing.get().value().retakenAfterCrash(now.plus(lease));
        try {
            deliveries.update(retaken, existing.get().revision(), List.of());
            return Optional.of(retaken);
        } catch (ConcurrentUpdateException anotherDispatcherTookIt) {
            return Optional.empty();
        }
    }

    private Outcome send(List<Pending> pending, Instant now) {
        Recipient recipient = pending.get(0).due().recipient();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        try {
            String subject = mail.send(new Digest(recipient, today, items(pending, recipient, today, calendars.current())));
            dailyDigests.record(recipient.email(), today);
            pending.forEach(p -> record(p, p.delivery().sent(now), now, p.delivery().resentAfterCrash() ? "RESENT" : "SENT", subject));
            return Outcome.SENT;
        } catch (UndeliverableAddressException refused) {
            pending.forEach(p -> record(p, p.delivery().failed(now, refused.getMessage()), now, "FAILED", refused.getMessage()));
            if (contacts.markUndeliverable(recipient.email(), refused.getMessage(), now)) {
                metrics.addressUndeliverable();
            }
            return Outcome.FAILED;
        } catch (MailServerUnavailableException | CallNotPermittedException unavailable) {
            log.warn("Could not mail {} reminders to {}; they stay pending: {}", pending.size(), recipient.email(), unavailable.toString());
            pending.forEach(p -> withdraw(p, now, unavailable));
            return Outcome.DEFERRED;
        } catch (RuntimeException cannotBeWritten) {
            // Trying again would fail the same way: the reminders are settled as failed, for an operator to look at.
            log.error("Could not write the digest of {} reminders to {}; they are marked failed", pending.size(), recipient.email(),
                    cannotBeWritten);
            pending.forEach(p -> record(p, p.delivery().failed(now, cannotBeWritten.toString()), now, "FAILED", cannotBeWritten.toString()));
            return Outcome.FAILED;
        }
    }

    /**
     * One entry per deadline and audience, at its most urgent stage ("7 days left" is noise once the deadline is due
     * today); the stages it stands for are recorded as sent with it.
     */
    private List<DigestItem> items(List<Pending> pending, Recipient recipient, LocalDate today, WorkingCalendar calendar) {
        Map<String, Pending> mostUrgent = new LinkedHashMap<>();
        for (Pending p : pending) {
            Reminder r = p.due().reminder().value();
            mostUrgent.merge(r.deadlineId() + "|" + r.audience(), p, (a, b) -> offsetOf(a) >= offsetOf(b) ? a : b);
        }
        return mostUrgent.values().stream().map(p -> item(p, recipient, today, calendar)).toList();
    }

    private static int offsetOf(Pending p) {
        return p.due().reminder().value().offsetDays();
    }

    private void record(Pending p, Delivery settled, Instant now, String outcome, String detail) {
        Versioned<Delivery> current = deliveries.find(settled.id()).orElseThrow();
        deliveries.update(settled, current.revision(), List.of(event(p.due(), settled, now)));
        mailLog.record(line(p.due().reminder().value(), p.due().deadline(), p.due().recipient()), now, outcome, detail);
        count(p.due().reminder().value(), outcome);
        if (settled.state() == DeliveryState.SENT && p.due().reminder().value().stage() == Stage.ESCALATION) {
            metrics.escalationSent(p.due().deadline().kind());
        }
    }

    /** Nothing went out: drop the intent, so the next attempt is a first attempt, not a resend. */
    private void withdraw(Pending p, Instant now, RuntimeException cause) {
        deliveries.delete(p.delivery().id());
        mailLog.record(line(p.due().reminder().value(), p.due().deadline(), p.due().recipient()), now, "DEFERRED", cause.toString());
        count(p.due().reminder().value(), "DEFERRED");
    }

    /**
     * A reminder is settled once every current recipient's delivery is: DONE if one went out, FAILED if none could.
     * One whose mail server was unavailable waits before its next attempt; one still owed to someone stays pending.
     */
    private void settle(String reminderId, boolean deferred) {
        Versioned<Reminder> reminder = reminders.find(reminderId).orElseThrow();
        if (reminder.value().state() != ReminderState.PENDING) {
            return;
        }
        if (deferred) {
            settleQuietly(reminder, reminder.value().heldBack(clock.instant().plus(retryAfter)));
            return;
        }
        List<Recipient> recipients = deadlines.find(reminder.value().deadlineId()).filter(Deadline::open)
                .map(deadline -> addressees.of(reminder.value(), deadline)).orElse(List.of());
        List<Delivery> made = deliveriesOf(reminder.value(), recipients);
        boolean owedToSomeone = recipients.stream()
                .anyMatch(r -> made.stream().noneMatch(d -> d.isSettled() && d.recipientEmail().equalsIgnoreCase(r.email())));
        if (made.isEmpty() || owedToSomeone || made.stream().anyMatch(d -> !d.isSettled())) {
            return;
        }
        boolean sent = made.stream().anyMatch(d -> d.state() == DeliveryState.SENT);
        if (settleQuietly(reminder, reminder.value().settled(sent ? ReminderState.DONE : ReminderState.FAILED))) {
            planNextIfOverdue(reminder.value());
        }
    }

    /** Before the delivery is written, so that the reminder names every delivery there is; naming it again changes nothing. */
    private void recordDelivery(Reminder reminder, String deliveryId) {
        if (!reminder.deliveryIds().contains(deliveryId)) {
            reminders.updateAll(Query.query(Criteria.where("_id").is(reminder.id())), new Update().addToSet("deliveryIds", deliveryId));
        }
    }

    /** Those the reminder names, and any to its current recipients it does not (written before reminders named theirs). */
    private List<Delivery> deliveriesOf(Reminder reminder, List<Recipient> recipients) {
        Set<String> ids = new LinkedHashSet<>(reminder.deliveryIds());
        recipients.forEach(r -> ids.add(Delivery.idOf(reminder.id(), r.email())));
        return ids.isEmpty() ? List.of() : deliveries.find(Query.query(Criteria.where("_id").in(ids)));
    }

    private void planNextIfOverdue(Reminder reminder) {
        if (reminder.stage() == Stage.OVERDUE) {
            deadlines.planNextOverdue(reminder);
        }
    }

    /** Answers whether the change was written; a reminder changed meanwhile (by another instance, say) keeps its new state. */
    private boolean settleQuietly(Versioned<Reminder> reminder, Reminder changed) {
        try {
            reminders.update(changed, reminder.revision(), List.of());
            return true;
        } catch (ConcurrentUpdateException changedMeanwhile) {
            return false;
        }
    }

    private void count(Reminder reminder, String outcome) {
        metrics.mailed(reminder.stage(), outcome);
    }

    private OutboxMessage event(Due due, Delivery settled, Instant now) {
        Reminder r = due.reminder().value();
        Deadline d = due.deadline();
        ReminderFacts facts = new ReminderFacts(r.id(), d.id(), d.kind().name(), d.sourceId(), d.planId(), d.unitCode(), d.provinceCode(),
                r.stage().name(), r.offsetDays(), d.dueDate(), settled.recipientEmail(), settled.recipientUnitCode());
        String key = d.provinceCode();
        String subject = "reminders/" + r.id();
        if (settled.state() == DeliveryState.FAILED) {
            return messages.create(EventCatalog.REMINDER_FAILED, key, subject, new ReminderFailed(facts, now, settled.failure()));
        }
        return r.stage() == Stage.ESCALATION
                ? messages.create(EventCatalog.ESCALATION_SENT, key, subject, new EscalationSent(facts, now, settled.resentAfterCrash()))
                : messages.create(EventCatalog.REMINDER_SENT, key, subject, new ReminderSent(facts, now, settled.resentAfterCrash()));
    }

    /**
     * Days late are counted from the effective deadline: work due on a Saturday is not late on the Monday. An escalation
     * leads a supervisor above the late unit to that unit's page in the console, where all it has overdue is; one not above
     * it (the office a plan names with "qua ...") cannot open that page, and is led to the item.
     */
    private DigestItem item(Pending p, Recipient recipient, LocalDate today, WorkingCalendar calendar) {
        Deadline d = p.due().deadline();
        LocalDate effective = calendar.effectiveDeadline(d.dueDate());
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(effective, today));
        Stage stage = p.due().reminder().value().stage();
        String action = stage == Stage.ESCALATION && addressees.followsFromAbove(recipient, d) ? "/units/" + d.unitCode() : d.actionPath();
        return new DigestItem(d.id(), d.kind(), stage, d.whatIsDue(), d.planNumber(), d.planTitle(), d.unitName(), effective, daysLate, action,
                d.dueDate(), d.cooperating());
    }

    private MailLog.Line line(Reminder r, Deadline d, Recipient recipient) {
        return new MailLog.Line(recipient == null ? null : recipient.email(), recipient == null ? addressees.unitOf(r, d) : recipient.unitCode(),
                d.id(), d.planId(), d.unitCode(), d.kind().name(), r.stage().name(), r.offsetDays());
    }
}
