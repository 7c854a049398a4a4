package vn.gov.par.task;

import java.util.List;
import java.util.stream.Stream;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.EventEnvelope;
import vn.gov.par.contracts.EventType;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.testsupport.KafkaTopicProbe;

/** The events task-service published on task.events, decoded, as a consumer would read them. */
public final class TaskEvents {

    private static final EventCodec CODEC = new EventCodec();

    private TaskEvents() {
    }

    public static <T> List<T> published(KafkaTopicProbe kafka, EventType<T> type) {
        return kafka.readAll(Topics.TASK_EVENTS).stream().map(r -> CODEC.decode(r.value())).filter(e -> e.is(type))
                .map(e -> e.dataAs(type)).toList();
    }

    /** Every announcement of a task, alone (TaskAssigned) or with its unit's others (TasksAssigned), in the order published. */
    public static List<TaskAssigned> assignments(KafkaTopicProbe kafka) {
        return kafka.readAll(Topics.TASK_EVENTS).stream().map(r -> CODEC.decode(r.value()))
                .flatMap(e -> e.is(EventCatalog.TASKS_ASSIGNED) ? e.dataAs(EventCatalog.TASKS_ASSIGNED).tasks().stream()
                        : e.is(EventCatalog.TASK_ASSIGNED) ? Stream.of(e.dataAs(EventCatalog.TASK_ASSIGNED)) : Stream.empty())
                .toList();
    }

    /** The same, in their envelopes: who caused each ({@code actor}), beside what it says. */
    public static <T> List<EventEnvelope<?>> envelopes(KafkaTopicProbe kafka, EventType<T> type) {
        return kafka.readAll(Topics.TASK_EVENTS).stream().<EventEnvelope<?>>map(r -> CODEC.decode(r.value())).filter(e -> e.is(type)).toList();
    }
}
