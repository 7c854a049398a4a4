package vn.gov.par.support.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The propagation headers (W3C {@code traceparent}) of the trace the current thread works in. An event keeps those of
 * the request or event that caused it while it waits in its outbox, and the relay publishes them with it, so its
 * consumers continue that trace rather than one of the relay's own.
 */
public final class TraceHeaders {

    /** Where nothing is traced: events carry no trace. */
    public static final TraceHeaders NONE = new TraceHeaders(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The headers that continue the current trace; none outside a trace. */
    public Map<String, String> current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(context, headers, Map::put);
        return headers;
    }

    /**
     * Runs work put off from where its cause was handled (a job taking up what a consumer queued) in a span of the trace
     * the cause's headers name, so the events it queues continue that trace; with no headers, in a trace of its own.
     */
    public void continueIn(Map<String, String> headers, String spanName, Runnable work) {
        Span span = (headers.isEmpty() ? tracer.spanBuilder() : propagator.extract(headers, Map::get)).name(spanName).start();
        try (Tracer.SpanInScope inScope = tracer.withSpan(span)) {
            work.run();
        } finally {
            span.end();
        }
    }
}
