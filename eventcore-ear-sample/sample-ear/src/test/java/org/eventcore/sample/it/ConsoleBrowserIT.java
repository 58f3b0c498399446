package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.eventcore.sample.it.Api.Reply;
import org.eventcore.sample.it.console.ConsoleEar;
import org.eventcore.sample.it.console.Hostile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs) driven by Selenium against the sample on WildFly. Logs in through the sample's HTTP Basic,
 * browses from a transfer's command to its events, is refused without a role, shows markup in a stream id, a
 * payload, metadata and an error text as text with no script run, and watches a projection's lag fall during a
 * rebuild an operator asked for. Screenshots of the main views go to {@code target/console-screenshots} (the manual's
 * come from there).
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsoleBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ConsoleEar.ear();
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String run = "b" + System.nanoTime();
    private WebDriver browser;

    /** The browser, from {@code EVENTCORE_CHROMIUM} or Debian's place. */
    private static String executable(String variable, String debian) {
        String path = System.getenv().getOrDefault(variable, debian);
        if (!new File(path).canExecute()) {
            throw new IllegalStateException("The console's browser tests need " + path + ": install Debian's chromium"
                    + " and chromium-driver (apt-get install chromium chromium-driver; .ci/run does), or set "
                    + variable + " to a Chromium or chromedriver of the same version");
        }
        return path;
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("EVENTCORE_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("EVENTCORE_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The console's page with {@code user}'s credentials in the address, at {@code route} ({@code #/...}). */
    private void open(String user, String route) {
        URI page = URI.create(ConsoleEar.page());
        String withUser = page.getScheme() + "://" + user + ":" + user + "-secret@" + page.getHost() + ":"
                + page.getPort() + page.getPath();
        browser.get(withUser + route);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private WebElement await(By what) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "console-screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The browser's console: errors and Content-Security-Policy reports. */
    private List<String> browserErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()
                    || e.getMessage().contains("Content Security")) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    @Test
    void a_viewer_goes_from_a_transfers_command_to_its_events_and_from_an_event_to_its_stream() throws Exception {
        Api alice = Api.as("alice");
        String from = "alice-" + run;
        String to = "bob-" + run;
        assertThat(alice.post("accounts", "{\"id\":\"" + from + "\"}").status()).isEqualTo(201);
        assertThat(Api.as("bob").post("accounts", "{\"id\":\"" + to + "\"}").status())
                .isEqualTo(201);
        assertThat(alice.post("accounts/" + from + "/deposits", "{\"cents\":900}")
                        .status())
                .isEqualTo(200);
        Reply transfer = alice.post("transfers", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"cents\":250}");
        String command = (String) transfer.json().get("commandId");

        open("vera", "#/log");
        await(By.cssSelector("table.events tbody tr"));
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("vera (viewer)");
        screenshot("log");

        open("vera", "#/command?id=" + q(command));
        await(By.id("command-id"));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.events tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.stream()
                        .map(r -> r.findElement(By.className("stream-link")).getText())
                        .toList())
                .containsExactly("account-" + from, "account-" + to);
        screenshot("command");

        rows.get(1).findElement(By.className("event-link")).click();
        WebElement payload = await(By.id("payload-current"));
        assertThat(payload.getText()).contains("\"cents\": 250");
        assertThat(browser.findElement(By.id("event-summary")).getText())
                .contains("account-" + to)
                .contains("sample.MoneyDeposited")
                .contains(command);
        assertThat(browser.findElement(By.id("payload-stored")).isDisplayed()).isFalse();
        browser.findElement(By.id("toggle-stored")).click();
        assertThat(browser.findElement(By.id("payload-stored")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("table.events tbody tr")))
                .as("the other events of the command")
                .hasSize(2);
        screenshot("event");

        browser.findElement(By.id("event-stream")).click();
        await(By.id("stream-id"));
        assertThat(browser.findElement(By.id("stream-id")).getText()).isEqualTo("account-" + to);
        assertThat(browser.findElements(By.cssSelector("table.events tbody tr")))
                .hasSize(2);
        assertThat(browserErrors()).isEmpty();
    }

    @Test
    void without_a_console_role_the_page_shows_nothing() {
        open("alice", "#/log");
        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).contains("403");
        assertThat(browser.findElements(By.id("view")))
                .as("the console's page is not even served")
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("table"))).isEmpty();
    }

    @Test
    void markup_in_a_stream_id_a_payload_metadata_and_an_error_is_shown_as_text_and_runs_nothing() throws Exception {
        Reply written = Api.as("alice").post("test-console/hostile/" + run, "{}");
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        String eventId = (String) written.json().get("eventId");
        String streamId = (String) written.json().get("streamId");

        open("vera", "#/event?id=" + q(eventId));
        await(By.id("payload-current"));
        assertThat(browser.findElement(By.id("event-summary")).getText()).contains(streamId);
        assertThat(browser.findElement(By.id("payload-current")).getText()).contains(Hostile.PAYLOAD);
        assertThat(browser.findElement(By.cssSelector("#metadata tbody tr td:nth-child(2)"))
                        .getText())
                .isEqualTo(Hostile.METADATA);
        assertNothingRan("the event");
        screenshot("hostile-event");

        open("vera", "#/log?prefix=" + q("account-" + run));
        await(By.cssSelector("table.events tbody tr"));
        assertThat(browser.findElement(By.className("stream-link")).getText()).isEqualTo(streamId);
        assertNothingRan("the log");

        open("vera", "#/stream?id=" + q(streamId));
        await(By.id("stream-id"));
        assertThat(browser.findElement(By.id("stream-id")).getText()).isEqualTo(streamId);
        assertNothingRan("the stream");

        open("vera", "#/projection?name=hostile-skips");
        new WebDriverWait(browser, WAIT)
                .until(d -> d.findElements(By.cssSelector("tr[data-skipped='" + eventId + "']"))
                                .size()
                        == 1);
        WebElement error = browser.findElement(By.cssSelector("tr[data-skipped='" + eventId + "'] .skipped-error"));
        assertThat(error.getText()).contains(Hostile.ERROR).contains(Hostile.PAYLOAD);
        assertNothingRan("the skipped events");
        screenshot("projection-skipped");
        assertThat(browserErrors())
                .as("no script refused by the policy, no error")
                .isEmpty();
    }

    private void assertNothingRan(String where) {
        assertThat(js("return window.__xss === undefined"))
                .as("no injected script ran on " + where)
                .isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#view img, #view svg, #view iframe, #view script, #view b")))
                .as("no markup of the data became an element on " + where)
                .isEmpty();
    }

    @Test
    void an_operator_rebuilds_a_projection_and_watches_its_lag_fall_to_zero() throws Exception {
        assertThat(Api.as("alice")
                        .post("test-console/slow/" + run + "/50", "{}")
                        .status())
                .isEqualTo(200);
        long deadline = System.nanoTime() + WAIT.toNanos() * 2;
        while (true) {
            Map<String, Object> status = new Reply(
                            200,
                            Api.as("vera")
                                    .exchange(java.net.http.HttpRequest.newBuilder(
                                                    URI.create(ConsoleEar.api() + "projections/slow-tally"))
                                            .GET())
                                    .body())
                    .json();
            if (((Number) status.get("lagEvents")).longValue() == 0 && "IDLE".equals(status.get("state"))) {
                break;
            }
            assertThat(System.nanoTime())
                    .as("slow-tally caught up before the rebuild: %s", status)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }

        open("dora", "#/projection?name=slow-tally");
        await(By.id("rebuild"));
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("dora (operator)");
        browser.findElement(By.id("rebuild")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.alertIsPresent());
        assertThat(browser.switchTo().alert().getText()).contains("Rebuild projection slow-tally");
        browser.switchTo().alert().accept();

        List<Long> lags = new ArrayList<>();
        boolean shot = false;
        deadline = System.nanoTime() + WAIT.toNanos() * 2;
        while (System.nanoTime() < deadline) {
            try {
                WebElement lag = browser.findElement(By.id("projection-lag"));
                long events = Long.parseLong(lag.getAttribute("data-lag-events"));
                String state = browser.findElement(By.id("projection-state")).getText();
                if (lags.isEmpty() || lags.get(lags.size() - 1) != events) {
                    lags.add(events);
                }
                if (!shot && events > 0 && state.startsWith("REBUILDING")) {
                    screenshot("projection-rebuilding");
                    shot = true;
                }
                if (events == 0 && lags.stream().anyMatch(l -> l > 0) && state.equals("IDLE")) {
                    break;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.NoSuchElementException replaced) {
                // the page replaced its content between two looks
            }
            Thread.sleep(150);
        }
        assertThat(lags).as("the lag the page showed, in order").last().isEqualTo(0L);
        List<Long> positive = lags.stream().filter(l -> l > 0).toList();
        assertThat(positive)
                .as("the page showed the lag at least twice while rebuilding: %s", lags)
                .hasSizeGreaterThan(1);
        assertThat(positive).as("and it only fell: %s", lags).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        WebElement change = await(By.cssSelector("#controls tbody tr"));
        assertThat(change.getText()).contains("rebuild").contains("dora").contains("done");
        assertThat(browserErrors()).isEmpty();

        open("dora", "#/projections");
        await(By.cssSelector("#projections tbody tr"));
        screenshot("projections");
    }
}
