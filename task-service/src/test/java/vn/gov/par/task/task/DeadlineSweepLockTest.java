package vn.gov.par.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;




import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.task.TaskDueSoon;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskOverdue;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.task.HonQuanIntegrationTest;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.task.TaskEvents;





/**
 * The scheduled sweep as every instance of the service runs it: through the lock, one sweeps and the others skip. Each test
 * issues its own monthly plan, so none depends on what another swept first.
 */
class DeadlineSweepLockTest extends HonQuanIntegrationTest {

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    LockProvider locks;

    @Autowired
    OutboxRelay relay;

    @Test
    void whileAnotherInstanceHoldsTheLockTheSweepSkips() {
        String plan = monthlyBulletinPlan();
        clock.setDate(LocalDate.of(2025, 2, 4)); // January's, due 31/01 inside Tết, ran to the end of Monday 03/02

        SimpleLock heldElsewhere = locks.lock(new LockConfiguration(Instant.now(), DeadlineSweep.LOCK, Duration.ofMinutes(5), Duration.ZERO))
                .orElseThrow();
        sweep.sweep();
        assertThat(overdue(plan)).as("skipped: another instance is sweeping").isZero();

        heldElsewhere.unlock();
        sweep.sweep();
        assertThat(overdue(plan)).as("January's bulletin").isEqualTo(1);
    }

    @Test
    void twoSweepersAtOncePublishEachOverdueAndDueSoonOnce() throws Exception {
        String plan = monthlyBulletinPlan();
        clock.setDate(LocalDate.of(2025, 6, 26));

        CompletableFuture.allOf(CompletableFuture.runAsync(sweep::sweep), CompletableFuture.runAsync(sweep::sweep)).get();
        sweep.sweep();

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(announced(TaskEvents.published(KAFKA, EventCatalog.TASK_OVERDUE).stream().map(TaskOverdue::occurrence).toList(), plan))
                .as("January to May, once each").containsExactly("2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31");
        assertThat(announced(TaskEvents.published(KAFKA, EventCatalog.TASK_DUE_SOON).stream().map(TaskDueSoon::occurrence).toList(), plan))
                .as("June, once").containsExactly("2025-06-30");
    }

    private String monthlyBulletinPlan() {
        String planId = "sweep-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "05/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2025",
                2025, HonQuanPlan.DISTRICT, "UBND huyện Hớn Quản", "70", LocalDate.of(2025, 1, 2), "Nguyễn Văn Hạ", null, planId, null,
                List.of(new PlanActivity("a", "Đăng tin cải cách hành chính trên Trang thông tin điện tử huyện", "Mỗi tháng 01 bản tin",
                        List.of("Phòng Nội vụ"), List.of(), "hàng tháng")), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> total("/api/tasks?planId=" + planId) == 12);
        return planId;
    }

    private long overdue(String plan) {
        return total("/api/tasks?planId=" + plan + "&status=OVERDUE");
    }

    private long total(String path) {
        return api.ok(api.get(path + "&size=1")).get("totalElements").asLong();
    }

    private static List<String> announced(List<TaskOccurrenceFacts> occurrences, String plan) {
        return occurrences.stream().filter(o -> o.planId().equals(plan)).map(o -> o.dueDate().toString()).sorted().toList();
    }
}
