package vn.gov.par.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import vn.gov.par.notification.reminder.DeadlineKind;
import vn.gov.par.notification.reminder.Stage;

/** Sends a digest through a real (in-process) SMTP server and reads it back. */
class DigestMailComposerGreenMailTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void digestSurvivesSmtp() throws Exception {
        LocalDate today = LocalDate.of(2025, 6, 18);
        Recipient recipient = new Recipient("can-bo@thanhan.gov.vn", "Trần Thị Bích", "70.HQ.TA", "UBND xã Thanh An");
        DigestItem overdue = new DigestItem("dl-77", DeadlineKind.REPORT, Stage.OVERDUE, "Báo cáo quý II năm 2025",
                "96/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2025", "UBND xã Thanh An",
                today.minusDays(3), 3, "/reports/dl-77", null, false);
        DigestItem upcoming = new DigestItem("dl-78", DeadlineKind.SUB_PLAN, Stage.BEFORE, "Ban hành kế hoạch thực hiện Kế hoạch số 96/KH-UBND",
                "96/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2025", "UBND xã Thanh An",
                today.plusDays(7), 0, "/sub-plans/dl-78", null, false);
        Digest digest = new Digest(recipient, today, List.of(upcoming, overdue));
        DigestMailComposer composer = new DigestMailComposer(DigestMailComposer.standaloneEngine(), "https://console.par.gov.vn",
                Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")));

        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(GREEN_MAIL.getSmtp().getBindTo());
        sender.setPort(GREEN_MAIL.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        MimeMessage message = sender.createMimeMessage();
        composer.compose(digest, message, "Nhắc việc CCHC <no-reply@par.gov.vn>");
        sender.send(message);

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(composer.subject(digest)).startsWith("[Quá hạn] ");
        assertThat(((InternetAddress) received.getAllRecipients()[0]).getPersonal()).isEqualTo("Trần Thị Bích");

        MimeMultipart mixed = (MimeMultipart) received.getContent();
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        String plain = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        for (String body : List.of(plain, html)) {
            assertThat(body).contains("Kính gửi: Ông/Bà Trần Thị Bích – UBND xã Thanh An", "Đã quá hạn 3 ngày", "Còn 7 ngày",
                    "15/06/2025", "25/06/2025", "https://console.par.gov.vn/reports/dl-77");
            assertThat(body.indexOf(upcoming.whatIsDue())).as("sub-plans come before reports").isLessThan(body.indexOf(overdue.whatIsDue()));
        }

        assertThat(new ContentType(mixed.getBodyPart(1).getContentType()).getBaseType()).isEqualTo("text/calendar");
        Calendar calendar = new CalendarBuilder().build(mixed.getBodyPart(1).getInputStream());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).extracting(e -> e.getSummary().getValue())
                .containsExactly("Hạn chót: " + upcoming.whatIsDue(), "Hạn chót: " + overdue.whatIsDue());
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue()).containsExactly("dl-78@par.gov.vn", "dl-77@par.gov.vn");
    }
}
