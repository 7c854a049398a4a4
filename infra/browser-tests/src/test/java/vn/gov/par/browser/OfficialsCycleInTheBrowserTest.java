package vn.gov.par.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

        browser.click(By.linkText("Kế hoạch"));
        browser.click(By.linkText("Soạn kế hoạch mới"));
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
        browser.click(By.xpath("//button[normalize-space()='Lưu dự thảo']"));

        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã lưu dự thảo kế hoạch.");
        provincePlan = planIdFromPath();
        browser.type(By.name("number"), RUN + "/KH-UBND");
        browser.click(By.xpath("//button[normalize-space()='Ban hành']"));

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

        browser.click(By.linkText("Mở dự thảo"));
        assertThat(browser.find(By.id("prepared-from")).getText()).contains(RUN + "/KH-UBND", "Đơn vị chưa sửa dự thảo này.");
        districtPlan = planIdFromPath();
        browser.click(By.id("edit-plan"));
        browser.type(By.name("signer"), "Nguyễn Văn Hạ");
        browser.type(By.name("activities[0].leadUnits"), "UBND các xã, thị trấn");
        browser.type(By.name("activities[0].cooperatingUnits"), "Phòng Văn hóa và Thông tin");
        browser.type(By.name("reportingClause"),
                "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND huyện (qua Phòng Nội vụ).");
        setDate(By.name("cascadeDueDate"), "2027-03-31");
        browser.screenshot("04-district-edits");
        browser.click(By.xpath("//button[normalize-space()='Lưu dự thảo']"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã lưu dự thảo kế hoạch.");
        assertThat(browser.text()).contains("Nguyễn Văn Hạ", "UBND các xã, thị trấn");

        browser.type(By.name("number"), RUN + "/KH-UBND");
        browser.click(By.xpath("//button[normalize-space()='Ban hành']"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã ban hành kế hoạch số " + RUN + "/KH-UBND.");
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
