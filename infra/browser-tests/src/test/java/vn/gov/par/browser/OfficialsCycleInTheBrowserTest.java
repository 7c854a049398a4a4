package vn.gov.par.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import vn.gov.par.driver.ConsoleSession;

/**
 * The yearly cycle as officials live it, in the console, in Chromium, with Keycloak's real sign-in: the province issues
 * its plan; the district finds what it owes on its home page, adapts the prepared draft and issues it; a commune cannot
 * touch the district's plan, records its progress and submits its report; the district returns it with a reason, the
 * commune corrects and resubmits, the district accepts; the province reads the roll-up and downloads it as .docx.
 *
 * <p>Each step leaves a screenshot under {@code target/browser-screenshots}; a failing step leaves its page (screenshot
 * and HTML) there too, and the steps after it are skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficialsCycleInTheBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/browser-screenshots");
    private static final String PASSWORD = "demo";
    /** Numbers of their own each run, so that the steps can run again on a platform that keeps its data. */
    private static final int RUN = ThreadLocalRandom.current().nextInt(100, 999);

    private static PlatformForTheBrowser platform;
    private static Browser browser;
    private static boolean aStepFailed;
    private static String provincePlan;
    private static String districtPlan;
    /** The commune's first-quarter report, as the console's path to it. */
    private static String report;
    private String step;

    @RegisterExtension
    static final TestWatcher KEEP_THE_FAILED_PAGE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            aStepFailed = true;
            if (browser != null) {
                browser.keepFailedPage(context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void startThePlatformAndTheBrowser() throws Exception {
        platform = PlatformForTheBrowser.start();
        browser = new Browser(platform.console(), SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @BeforeEach
    void onlyAfterTheStepsBeforeSucceeded(TestInfo test) {
        Assumptions.assumeFalse(aStepFailed, "an earlier step failed");
        step = test.getTestMethod().orElseThrow().getName();
    }

    @Test
    @Order(1)
    void theProvinceLeaderDraftsAndIssuesThePlan() {
        browser.signIn("tinh.lanhdao", PASSWORD);
        assertThat(browser.text()).contains("Việc của đơn vị tôi", "Bình Phước");

        browser.submit(By.linkText("Kế hoạch"));
        browser.submit(By.linkText("Soạn kế hoạch mới"));
        browser.type(By.name("title"), "Thông tin, tuyên truyền cải cách hành chính năm 2027 trên địa bàn tỉnh Bình Phước");
        browser.type(By.name("year"), "2027");
        browser.type(By.name("signer"), "Trần Tuệ Hiền");
        browser.type(By.name("objectives"), "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức về cải cách hành chính");
        browser.type(By.name("activities[0].content"), "Đăng tin, bài tuyên truyền cải cách hành chính");
        browser.type(By.name("activities[0].product"), "Mỗi quý 01 tin, bài");
        browser.type(By.name("activities[0].leadUnits"), "Sở Thông tin và Truyền thông");
        browser.type(By.name("activities[0].cooperatingUnits"), "UBND các huyện");
        browser.type(By.name("activities[0].timeframe"), "hàng quý");
        browser.type(By.name("reportingClause"),
                "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).");
        setDate(By.name("cascadeDueDate"), "2027-02-28");
        browser.screenshot("01-province-drafts");
        browser.submit(By.xpath("//button[normalize-space()='Lưu dự thảo']"));

        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã lưu dự thảo kế hoạch.");
        provincePlan = planIdFromPath();
        browser.type(By.name("number"), RUN + "/KH-UBND");
        browser.submit(By.xpath("//button[normalize-space()='Ban hành']"));

        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã ban hành kế hoạch số " + RUN + "/KH-UBND.");
        assertThat(browser.text()).contains("Đã ban hành", "Số: " + RUN + "/KH-UBND", "28/02/2027");
        browser.screenshot("02-province-issued");
        browser.signOut();
    }

    @Test
    @Order(2)
    void theDistrictLeaderFindsTheSubPlanItOwesAdaptsThePreparedDraftAndIssuesIt() {
        browser.signIn("honquan.lanhdao", PASSWORD);
        assertThat(browser.text()).contains("Hớn Quản");
        browser.reloadUntil(page -> !page.findElements(By.id("sub-plans-owed")).isEmpty());
        assertThat(browser.find(By.id("sub-plans-owed")).getText()).contains(RUN + "/KH-UBND", "28/02/2027");
        browser.screenshot("03-district-home");

        browser.submit(By.linkText("Mở dự thảo"));
        assertThat(browser.find(By.id("prepared-from")).getText()).contains(RUN + "/KH-UBND", "Đơn vị chưa sửa dự thảo này.");
        districtPlan = planIdFromPath();
        browser.submit(By.id("edit-plan"));
        browser.type(By.name("signer"), "Nguyễn Văn Hạ");
        browser.type(By.name("activities[0].leadUnits"), "UBND các xã, thị trấn");
        browser.type(By.name("activities[0].cooperatingUnits"), "Phòng Văn hóa và Thông tin");
        browser.type(By.name("reportingClause"),
                "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND huyện (qua Phòng Nội vụ).");
        setDate(By.name("cascadeDueDate"), "2027-03-31");
        browser.screenshot("04-district-edits");
        browser.submit(By.xpath("//button[normalize-space()='Lưu dự thảo']"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã lưu dự thảo kế hoạch.");
        assertThat(browser.text()).contains("Nguyễn Văn Hạ", "UBND các xã, thị trấn");

        browser.type(By.name("number"), (RUN + 1) + "/KH-UBND");
        browser.submit(By.xpath("//button[normalize-space()='Ban hành']"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã ban hành kế hoạch số " + (RUN + 1) + "/KH-UBND.");
        browser.screenshot("05-district-issued");
        browser.signOut();
    }

    @Test
    @Order(3)
    void aCommuneOfficerSeesNoWayToChangeTheDistrictsPlanAndItsEditPageIsRefused() {
        browser.signIn("thanhan.canbo", PASSWORD);
        browser.open("/plans/" + districtPlan);
        assertThat(browser.text()).contains("Nguyễn Văn Hạ");
        assertThat(browser.present(By.id("edit-plan"))).isFalse();
        assertThat(browser.present(By.id("issue-plan"))).isFalse();
        assertThat(browser.present(By.id("cancel-plan"))).isFalse();

        browser.open("/plans/" + districtPlan + "/edit");
        browser.screenshot("06-commune-refused");
        assertThat(browser.find(By.cssSelector("article.problem")).getText()).contains("Không có quyền");
    }

    @Test
    @Order(4)
    void theCommuneOfficerRecordsProgressAndSubmitsTheQuarterlyReport() {
        browser.submit(By.linkText("Nhiệm vụ"));
        browser.reloadUntil(page -> page.getPageSource().contains((RUN + 1) + "/KH-UBND"));
        browser.screenshot("07-commune-tasks");
        browser.submit(By.xpath("//tr[contains(., '" + (RUN + 1) + "/KH-UBND')]//a[normalize-space()='Xem']"));
        browser.click(By.name("done"));
        setDate(By.name("doneOn"), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        browser.type(By.name("count"), "3");
        browser.type(By.name("note"), "Đăng 03 tin trên Trang thông tin điện tử xã");
        browser.submit(By.xpath("//button[normalize-space()='Ghi nhận tiến độ']"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).startsWith("Đã ghi nhận tiến độ.");
        assertThat(browser.text()).contains("Hoàn thành đúng hạn", "Đăng 03 tin trên Trang thông tin điện tử xã");
        browser.screenshot("08-commune-progress");

        browser.submit(By.linkText("Báo cáo"));
        browser.reloadUntil(page -> !page.findElements(By.xpath("//section[@id='mine']//a[normalize-space()='Soạn báo cáo']")).isEmpty());
        browser.submit(By.xpath("//section[@id='mine']//tr[contains(., 'Quý I')]//a[normalize-space()='Soạn báo cáo']"));
        report = browser.currentPath();
        browser.type(By.id("difficulties"), "Chưa có");
        browser.submit(By.xpath("//button[normalize-space()='Lưu bản nháp']"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã lưu bản nháp báo cáo.");
        browser.submit(By.xpath("//button[normalize-space()='Nộp báo cáo']"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã nộp báo cáo; báo cáo chờ đơn vị nhận tiếp nhận.");
        browser.screenshot("09-commune-submitted");
        browser.signOut();
    }

    @Test
    @Order(5)
    void theDistrictLeaderReturnsTheReportWithAReason() {
        browser.signIn("honquan.lanhdao", PASSWORD);
        browser.reloadUntil(page -> !page.findElements(By.id("awaiting-acceptance")).isEmpty());
        assertThat(browser.find(By.id("awaiting-acceptance")).getText()).contains("Thanh An");
        browser.screenshot("10-district-awaiting");
        browser.open(report);
        browser.click(By.xpath("//section[@id='review']//summary[normalize-space()='Trả lại']"));
        browser.type(By.id("comment"), "Đề nghị bổ sung số lượng tin, bài đã đăng trong quý.");
        browser.submit(By.xpath("//button[normalize-space()='Trả lại báo cáo']"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã trả lại báo cáo để đơn vị bổ sung, chỉnh sửa.");
        browser.screenshot("11-district-returned");
        browser.signOut();
    }

    @Test
    @Order(6)
    void theCommuneReadsTheReasonCorrectsAndResubmits() {
        browser.signIn("thanhan.canbo", PASSWORD);
        browser.open(report);
        assertThat(browser.text()).contains("Đề nghị bổ sung số lượng tin, bài đã đăng trong quý.");
        browser.type(By.id("difficulties"), "Không có; đã bổ sung số lượng tin, bài theo ý kiến của huyện.");
        browser.submit(By.xpath("//button[normalize-space()='Lưu bản nháp']"));
        browser.submit(By.xpath("//button[normalize-space()='Nộp báo cáo']"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã nộp báo cáo; báo cáo chờ đơn vị nhận tiếp nhận.");
        browser.screenshot("12-commune-resubmitted");
        browser.signOut();
    }

    @Test
    @Order(7)
    void theDistrictLeaderAcceptsIt() {
        browser.signIn("honquan.lanhdao", PASSWORD);
        browser.open(report);
        browser.submit(By.xpath("//button[normalize-space()='Tiếp nhận']"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã tiếp nhận báo cáo.");
        assertThat(browser.find(By.id("versions")).getText()).contains("Đề nghị bổ sung số lượng tin, bài đã đăng trong quý.");
        browser.screenshot("13-district-accepted");
        browser.signOut();
    }

    @Test
    @Order(8)
    void theProvinceSeesTheRollUpAndDownloadsItAsDocx() throws Exception {
        browser.signIn("tinh.lanhdao", PASSWORD);
        browser.open("/reports/rollup?rootPlanId=" + provincePlan + "&periodType=Q1");
        browser.reloadUntil(page -> !page.findElements(By.id("figures")).isEmpty());
        assertThat(browser.text()).contains("Hớn Quản");
        browser.screenshot("14-province-rollup");

        String docx = browser.find(By.linkText("Tải về .docx")).getAttribute("href");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(docx))
                .header("Cookie", browser.cookies()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertThat(new String(download.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    /** Still the province: its cascade a level at a time, Hớn Quản's communes put in place below it when it is opened. */
    @Test
    @Order(9)
    void theProvinceFollowsItsCascadeLevelByLevel() {
        browser.open("/plans/" + provincePlan + "/cascade");
        By honQuan = By.cssSelector("#cascade-nodes tr[data-unit='694']");
        By thanhAn = By.cssSelector("#cascade-nodes tr[data-unit='25327']");
        assertThat(browser.find(honQuan).getText()).contains("Hớn Quản", "Đã ban hành đúng hạn", (RUN + 1) + "/KH-UBND");
        assertThat(browser.present(thanhAn)).isFalse();

        browser.find(honQuan).findElement(By.linkText("Mở")).click();
        browser.await(page -> !page.findElements(thanhAn).isEmpty());
        assertThat(browser.find(thanhAn).getText()).contains("Thanh An", "31/03/2027");
        assertThat(browser.currentPath()).isEqualTo("/plans/" + provincePlan + "/cascade");
        browser.screenshot("15-province-cascade");
    }

    /** The benchmarks time the console's pages as officials signed in through Keycloak's page; so does this. */
    @Test
    @Order(10)
    void aScriptSignsInThroughKeycloaksPageAsTheBenchmarksDo() throws Exception {
        String session = ConsoleSession.signIn(platform.console(), "tinh.lanhdao");

        HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.console().resolve("/"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Việc của đơn vị tôi", "tinh.lanhdao");
    }

    /** Still the province, on a phone: every screen it used fits the width, wide tables scrolling inside their own box. */
    @Test
    @Order(11)
    void theScreensFitAPhonesWidth() {
        List<String> screens = List.of("/", "/plans", "/plans/" + provincePlan, "/plans/" + provincePlan + "/cascade", "/tasks",
                "/reports", "/reports/rollup?rootPlanId=" + provincePlan + "&periodType=Q1", "/reports/rates");
        browser.resize(390, 844);
        try {
            for (String screen : screens) {
                browser.open(screen);
                assertThat(browser.overflowsTheWindow()).as("%s wider than a phone", screen).isFalse();
            }
            browser.open("/");
            browser.screenshot("16-province-home-on-a-phone");
        } finally {
            browser.resize(1366, 768);
        }
    }

    private void setDate(By field, String isoDate) {
        WebElement input = browser.find(field);
        // The date picker's typed form depends on the browser's locale; the value it submits is ISO either way.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }

    private String planIdFromPath() {
        String path = browser.currentPath();
        assertThat(path).startsWith("/plans/");
        return path.substring("/plans/".length());
    }
}
