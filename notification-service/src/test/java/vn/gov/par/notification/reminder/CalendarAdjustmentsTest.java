package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.TestTokens;

/**
 * A day off or a working day an operator records moves the reminders not yet sent, and removing it moves them back; each
 * change is published for the other services.
 */
class CalendarAdjustmentsTest extends ReminderIntegrationTest {

    @AfterEach
    void removeAdjustments() {
        removeAdjustment("2025-07-17");
        removeAdjustment("2025-07-24");
        removeAdjustment("2025-07-19");
    }

    /** The other services judge deadlines by the same calendar: each change reaches them whole, in order; one that changes nothing, not at all. */
    @Test
    void everyChangeIsPublishedWithEveryDayDecidedAndANoOpIsNot() {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        int before = calendarEvents().size();

        api.ok(api.put("/api/calendar-adjustments/2025-07-17", Map.of("name", "Nghỉ bù", "dayOff", true)));
        api.ok(api.put("/api/calendar-adjustments/2025-07-19", Map.of("dayOff", false)));
        removeAdjustment("2025-07-17");
        removeAdjustment("2025-07-17");

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        List<String> published = calendarEvents().subList(before, calendarEvents().size());
        assertThat(published).as("three changes, the second removal none").hasSize(3);
        assertThat(published.get(1)).contains("\"2025-07-17\"", "Nghỉ bù", "\"2025-07-19\"", "Ngày làm việc bù");
        assertThat(published.get(2)).contains("\"2025-07-19\"").doesNotContain("2025-07-17");
        assertThat(KAFKA.readAll(Topics.CALENDAR_EVENTS)).extracting(r -> r.key()).containsOnly(Topics.CALENDAR_KEY);
    }

    private static List<String> calendarEvents() {
        return KAFKA.readAll(Topics.CALENDAR_EVENTS).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(json -> json.contains(EventCatalog.WORKING_CALENDAR_CHANGED.name())).toList();
    }

    @Test
    void aDayOffAnOperatorAddsMovesThePendingReminderToTheWorkingDayBefore() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 7, 1, 9, 0);
        String deadline = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 7, 18));
        awaitReminders(deadline, 5);

        at(2025, 7, 11, 7, 31);
        assertThat(dispatchAndCollect()).as("7 days before").containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn");

        api.ok(api.put("/api/calendar-adjustments/2025-07-17", Map.of("name", "Nghỉ bù", "dayOff", true)));

        at(2025, 7, 16, 7, 31);
        assertThat(text(dispatchAndCollect().get("ubnd.locninh@binhphuoc.gov.vn"))).as("the day before Thursday's new day off")
                .contains("Còn 2 ngày");
        at(2025, 7, 17, 7, 31);
        assertThat(dispatchAndCollect()).isEmpty();
        at(2025, 7, 18, 7, 31);
        assertThat(text(dispatchAndCollect().get("ubnd.locninh@binhphuoc.gov.vn"))).contains("Hạn chót là hôm nay");
    }

    @Test
    void removingADayOffMovesThePendingReminderBack() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 7, 1, 9, 0);
        api.ok(api.put("/api/calendar-adjustments/2025-07-24", Map.of("dayOff", true)));
        String deadline = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 7, 25));
        awaitReminders(deadline, 5);

        at(2025, 7, 18, 7, 31);
        assertThat(dispatchAndCollect()).as("7 days before").containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");

        removeAdjustment("2025-07-24");

        at(2025, 7, 23, 7, 31);
        assertThat(dispatchAndCollect()).isEmpty();
        at(2025, 7, 24, 7, 31);
        assertThat(text(dispatchAndCollect().get("hoa.hq@binhphuoc.gov.vn"))).contains("Còn 1 ngày");
    }

    private void removeAdjustment(String date) {
        RestClient.create("http://localhost:" + port).delete().uri("/api/calendar-adjustments/" + date)
                .headers(headers -> headers.setBearerAuth(TestTokens.DEFAULT)).retrieve().toBodilessEntity();
    }
}
