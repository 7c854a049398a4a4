package vn.gov.par.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver, as an official uses the console: it signs in on
 * Keycloak's own page, clicks, types, and keeps a screenshot of each step.
 */
final class Browser implements AutoCloseable {

    /** Where Debian's chromium and chromium-driver packages put them (.ci/run installs them when missing). */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Events take a moment to reach every service; a page waits this long for what it expects. */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final ChromeDriver driver;
    private final URI console;
    private final Path screenshots;

    Browser(URI console, Path screenshots) throws IOException {
        this.console = console;
        this.screenshots = Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // Root on a closed network: no sandbox, no background calls home, a fresh profile, a laptop's screen.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--window-size=1366,768", "--lang=vi", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(console.resolve(path).toString());
    }

    /** Signs in on Keycloak's page (the console sends an official there); lands on "Việc của đơn vị tôi". */
    void signIn(String username, String password) {
        open("/");
        await(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        submit(By.id("kc-login"));
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.site-header")));
    }

    /** Through the menu under the official's name; Keycloak's session ends too, so the next visit asks to sign in. */
    void signOut() {
        driver.findElement(By.cssSelector("header details.dropdown summary")).click();
        driver.findElement(By.cssSelector("form.sign-out button")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    WebElement find(By by) {
        return await(ExpectedConditions.presenceOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    void type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
    }

    void click(By by) {
        await(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Clicks what leads to another page, and waits until that page has replaced this one. */
    void submit(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(by);
        await(ExpectedConditions.stalenessOf(page));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The session's cookies, for a download the test makes itself as the signed-in official. */
    String cookies() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; "));
    }

    String currentPath() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /** Reloads the page until {@code condition} holds: for what another service learns from an event a moment later. */
    void reloadUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PATIENCE, Duration.ofSeconds(1)).until(d -> {
            if (Boolean.TRUE.equals(condition.apply(d))) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    /** The window's size in CSS pixels, as a phone's screen or a laptop's. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Whether the page is wider than the window, so that one would scroll sideways to read it. */
    boolean overflowsTheWindow() {
        Object overflows = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(overflows);
    }

    void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page as it stood when a step failed: its screenshot and its HTML. */
    void keepFailedPage(String name) {
        try {
            screenshot(name + "-FAILED");
            Files.writeString(screenshots.resolve(name + "-FAILED.html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            // the browser itself may be what failed; the test's own error says more
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
