package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reservations.api.support.ConsoleBrowser;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.RawRecords;
import io.reservations.api.support.ServiceInstance;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ResourceSpec;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console in a real headless Chromium (ConsoleBrowser: Debian's chromium and chromium-driver, Selenium): sign
 * in with a token, see selects and cancels made through the API change a seat within a second without a reload,
 * repair and resubmit a dead letter (who and when recorded, once only), draw a 10,000-resource window and work it
 * by keyboard. Screenshots in target/console-screenshots. .ci/run fails if these were skipped.
 */
@ExtendWith(SharedKafkaBroker.class)
class ConsoleBrowserIT {

    private static ServiceInstance service;
    private static String bootstrapServers;
    private static String adminToken;

    @BeforeAll
    static void start(final KafkaTestBroker broker, @TempDir final Path data) {
        bootstrapServers = broker.bootstrapServers();
        service = ServiceInstance.start(bootstrapServers, data, "console-browser", Map.of());
        adminToken = service.tokens().admin(Duration.ofHours(1));
        final StringBuilder seats = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            seats.append(i == 0 ? "" : ",").append("{\"id\":\"s").append(i).append("\",\"type\":\"seat\"}");
        }
        assertThat(service.http().post("/windows", "{\"id\":\"console-w\",\"resources\":[" + seats + "]}").status())
                .isEqualTo(201);
        assertThat(service.http().post("/reservations", "{\"id\":\"r1\",\"window_id\":\"console-w\"}").status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldShowTheSeatMapChangeLiveInARealBrowser() throws Exception {
        assumeTrue(ConsoleBrowser.installed(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(service.baseUrl(), adminToken);
            assertThat(browser.driver().getCurrentUrl()).as("no token in a URL").doesNotContain(adminToken);
            final Cookie session = browser.driver().manage().getCookieNamed("reservations_console");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Strict");

            final By window = By.cssSelector("tr[data-window-id='console-w'] button");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.present(window));
            browser.find(window).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver()
                    .findElements(By.cssSelector("#seats .cell")).size() == 40);
            browser.script("window.notReloaded = true;");
            browser.screenshot("1-seat-map");

            final String seat = service.http().post("/reservations/r1/select-resource", "{\"resource_type\":\"seat\"}")
                    .json().get("selected_resource").get("id").asString();
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "held".equals(browser.find(By.id("seat-" + seat)).getAttribute("data-state")));
            assertThat(browser.find(By.id("seat-" + seat)).getAttribute("aria-label")).contains("held by r1");
            browser.screenshot("2-selected");

            assertThat(service.http().post("/reservations/r1/cancel", "{}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "free".equals(browser.find(By.id("seat-" + seat)).getAttribute("data-state")));
            assertThat(browser.script("return window.notReloaded === true;")).as("the page was never reloaded")
                    .isEqualTo(true);
            browser.screenshot("3-cancelled");
        }
    }

    @Test
    void shouldResubmitARepairedDeadLetterFromTheBrowserAndRecordWhoAndWhen() throws Exception {
        assumeTrue(ConsoleBrowser.installed(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        final String valid = new String(Topics.WINDOW_COMMANDS.valueSerde().serializer().serialize("",
                new CreateWindow(UUID.randomUUID().toString(), "console-dl", List.of(new ResourceSpec("d1", "seat")),
                        "repaired", "admin")), StandardCharsets.UTF_8);
        RawRecords.send(bootstrapServers, Topics.WINDOW_COMMANDS.name(), "console-dl", valid.substring(0, valid.length() - 1)); // cut short
        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(service.baseUrl(), adminToken);
            final By row = By.xpath("//tbody[@id='dead-letters']/tr[td[3][text()='console-dl']]");
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.present(row));
            final String position = browser.find(row).getAttribute("data-position");
            browser.find(row).findElement(By.tagName("button")).click();
            final WebElement value = browser.find(By.id("resubmit-value"));
            assertThat(value.getAttribute("value")).isEqualTo(valid.substring(0, valid.length() - 1));
            value.clear();
            value.sendKeys(valid);
            browser.screenshot("4-dead-letter-repair");
            browser.find(By.id("resubmit-send")).click();

            await().atMost(Duration.ofSeconds(10)).until(() -> browser.find(row).getText().contains("by admin at"));
            assertThat(browser.find(row).getText()).contains("repaired");
            browser.screenshot("5-dead-letter-resubmitted");
            await().atMost(Duration.ofSeconds(10)).until(() -> service.http().get("/windows/console-dl").status() == 200);
            final HttpJson.Response again = service.http(null).post("/console/dead-letters/" + position + "/resubmit",
                    "{}", "Cookie", "reservations_console=" + adminToken + "; XSRF-TOKEN=abc", "X-XSRF-TOKEN", "abc");
            assertThat(again.body()).as("once only").contains("already-resubmitted");
        }
    }

    @Test
    void shouldDrawATenThousandResourceWindowAndBeUsableByKeyboard() throws Exception {
        assumeTrue(ConsoleBrowser.installed(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        final StringBuilder resources = new StringBuilder();
        for (int i = 0; i < CreateWindow.MAX_RESOURCES; i++) {
            resources.append(i == 0 ? "" : ",").append("{\"id\":\"r").append(i).append("\",\"type\":\"seat\"}");
        }
        assertThat(service.http().post("/windows", "{\"id\":\"console-big\",\"resources\":[" + resources + "]}")
                .status()).isEqualTo(201);
        try (ConsoleBrowser browser = ConsoleBrowser.open()) {
            browser.signIn(service.baseUrl(), adminToken);
            final By window = By.cssSelector("tr[data-window-id='console-big'] button");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.present(window));
            browser.find(window).sendKeys(Keys.ENTER); // a keyboard, not a mouse
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver()
                    .findElements(By.cssSelector("#seats .cell")).size() == CreateWindow.MAX_RESOURCES);
            final long drawn = ((Number) browser.script("return Number(document.getElementById('seats').dataset.drawMs);"))
                    .longValue();
            assertThat(drawn).as("10,000 seats drawn in one pass, in well under a second (ms)").isLessThan(1000);
            assertThat(browser.find(By.id("seat-map-status")).getText()).contains("10000 of 10000 free");
            browser.screenshot("6-ten-thousand");
            assertThat(browser.script("return [...document.querySelectorAll('button, textarea, input')]"
                    + ".filter(e => !(e.getAttribute('aria-label') || e.textContent.trim() || e.labels?.length))"
                    + ".map(e => e.outerHTML);")).as("every control has a name").asList().isEmpty();
            assertThat(browser.script("return [...document.querySelectorAll('table')].filter(t => !t.caption).length;"))
                    .as("every table has a caption").isEqualTo(0L);
        }
    }
}
