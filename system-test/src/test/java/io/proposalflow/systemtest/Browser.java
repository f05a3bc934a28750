package io.proposalflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.proposalflow.launcher.FileTrees;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}), headless, with a fresh
 * profile, driven through the portal as a person would: open a page, fill a field, press a button.
 * Every page it lands on can be checked by axe-core for the WCAG 2.0/2.1 A and AA rules.
 *
 * <p>Nothing is downloaded: the browser and driver paths are given (Selenium Manager is not asked).
 * Where they are missing the browser tests are skipped with a message, except in CI ({@code CI=true}),
 * where a missing browser fails the run.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final String baseUrl;
    /** Every page axe checked, for the report at the end. */
    final Set<String> checkedPages = new LinkedHashSet<>();

    private Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("portal-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=de-DE",
                "--user-data-dir=" + profile);
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Skips (or, in CI, fails) when this machine has no Chromium with its driver. */
    static void assumeAvailable() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "no Chromium at " + CHROMIUM + " with its driver at " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver, or set CHROMIUM_BINARY and CHROMEDRIVER)";
        if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and the browser tests cannot run: " + missing);
        }
        Assumptions.assumeTrue(available, "browser tests skipped: " + missing);
    }

    static Browser open(String baseUrl) {
        return new Browser(baseUrl);
    }

    void go(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    void signIn(String user) {
        // whoever was signed in before (a story that failed half-way) is gone
        forgetCookies();
        go("/login");
        type("username", user);
        type("password", "demo");
        press("Anmelden");
    }

    void signOut() {
        press("Abmelden");
        assertThat(text("main")).as("signed out, now on " + path()).contains("Sie sind abgemeldet");
    }

    void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** A date field takes the ISO date as its value, whatever the browser's way of typing dates. */
    void date(String id, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id(id)), isoDate);
    }

    void select(String id, String visibleText) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id))).selectByVisibleText(visibleText);
    }

    /** Clicks the radio button with this id (its label is what a person clicks). */
    void choose(String id) {
        driver.findElement(By.cssSelector("label[for='" + id + "']")).click();
    }

    /** Presses the button or follows the link with exactly this text, in the main content or header. */
    void press(String label) {
        List<WebElement> candidates = new ArrayList<>(driver.findElements(By.xpath(
                "//button[normalize-space(.)='" + label + "'] | //a[normalize-space(.)='" + label + "']")));
        assertThat(candidates).as("a button or link '" + label + "' on " + path()).isNotEmpty();
        clickAndAwaitNextPage(candidates.get(0));
    }

    void follow(String linkText) {
        clickAndAwaitNextPage(driver.findElement(By.linkText(linkText)));
    }

    /** Every click here leads to another page; reading before it is there would read the old one. */
    private void clickAndAwaitNextPage(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(page));
    }

    /**
     * Whether the element belongs to a document that has been replaced. Chromium reports this either
     * as a stale element or, while the next document is being committed, as an inspector error that
     * the node "does not belong to the document" (seen in CI); both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    boolean has(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    String attribute(String cssSelector, String name) {
        return driver.findElement(By.cssSelector(cssSelector)).getDomAttribute(name);
    }

    List<String> texts(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).stream().map(WebElement::getText).toList();
    }

    /** Reloads the page until {@code condition} holds: the services work asynchronously (Kafka). */
    void reloadUntil(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(SystemUnderTest.PATIENCE);
        while (true) {
            if (condition.get()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what + " on " + path() + "; page shows: "
                        + text("main"));
            }
            sleep();
            driver.navigate().refresh();
        }
    }

    /** axe-core on the page as it is now: no violation of WCAG 2.0/2.1 A and AA. */
    void assertAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        List<Rule> violations = results.getViolations();
        checkedPages.add(path().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"));
        assertThat(violations).as("axe violations on " + path() + ":\n" + violations.stream()
                .map(r -> "  " + r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + "\n" + r.getNodes().stream()
                        .map(n -> "    " + n.getTarget() + " " + n.getHtml()).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh session: the cookies (and so the sign-in) are gone. */
    void forgetCookies() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try {
                FileTrees.delete(profile);
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
