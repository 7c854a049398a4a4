package vn.gov.par.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/**
 * What every service must show an operator: healthy on Kafka and MongoDB, the liveness and readiness probes that
 * the deployment manifests call (readiness following the database), and its metrics for Prometheus.
 */
public final class ServiceHealth {

    private ServiceHealth() {
    }

    /**
     * Healthy, and scraped with what operators' dashboards and alerts read besides the business metrics: JVM, request
     * latency in histogram buckets (the health call just made is one), and the lag of the service's consumer group; in
     * the OpenMetrics form too, without exemplars.
     */
    public static void assertHealthyAndScrapable(HttpJson api, String application) {
        JsonNode health = api.ok(api.get("/actuator/health"));
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(api.ok(api.get("/actuator/health/liveness")).get("status").asString()).isEqualTo("UP");
        JsonNode readiness = api.ok(api.get("/actuator/health/readiness"));
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "mongo");
        MetricsScrape scrape = MetricsScrape.of(api);
        assertThat(scrape.has("jvm_memory_used_bytes", "application", application)).isTrue();
        assertThat(scrape.has("http_server_requests_seconds_bucket", "application", application, "uri", "/actuator/health")).isTrue();
        assertThat(scrape.has("spring_cloud_stream_binder_kafka_offset", "application", application, "group", application)).isTrue();
        String openMetrics = api.withHeader("Accept", "application/openmetrics-text;version=1.0.0").text("/actuator/prometheus");
        assertThat(openMetrics).as("exemplars, which Prometheus 2.42 refuses in a whole scrape").doesNotContain(" # {");
    }
}
