package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reservations.api.support.HttpJson;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * {@code /console}: only a signed-in admin, its actions CSRF-protected, the session cookie good for reads and
 * change streams but never for a write; and in a real headless Chromium (Debian's chromium and chromium-driver):
 * sign in with a token, open a window's seat map, and see selects and cancels made through the API change it
 * within a second, without a reload. Screenshots in target/console-screenshots.
 */
@ExtendWith(SharedKafkaBroker.class)
class ConsoleIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static ServiceInstance service;
    private static String adminToken;

    @BeforeAll
    static void start(final KafkaTestBroker broker, @TempDir final Path data) {
        service = ServiceInstance.start(broker.bootstrapServers(), data, "console", Map.of());
        adminToken = service.tokens().admin(Duration.ofHours(1));
        final StringBuilder seats = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            seats.append(i == 0 ? "" : ",").append("{\"id\":\"s").append(i).append("\",\"type\":\"seat\"}");
        }
        assertThat(service.http().post("/windows", "{\"id\":\"console-w\",\"resources\":[" + seats + "]}").status())
                .isEqualTo(201);
        for (final String reservation : List.of("r1", "r2")) {
            assertThat(service.http().post("/reservations", "{\"id\":\"" + reservation + "\",\"window_id\":\"console-w\"}")
                    .status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldKeepTheConsoleToSignedInAdminsWithCsrfProtectedActions() {
        final HttpJson anonymous = service.http(null);
        final String session = "reservations_console=" + adminToken;
        assertThat(anonymous.get("/console", "Accept", "text/html").location()).as("a browser is sent to sign in")
                .endsWith("/console/sign-in");
        assertThat(anonymous.get("/console", "Accept", "application/json").status()).isEqualTo(401);
        assertThat(anonymous.get("/console/sign-in").status()).isEqualTo(200);
        final String alice = service.token("alice", "read reservations:write", List.of(), Duration.ofHours(1));
        assertThat(anonymous.postRaw("/console/sign-in", "application/x-www-form-urlencoded",
                ("token=" + alice).getBytes()).status()).as("not an admin's token").isEqualTo(403);
        assertThat(anonymous.postRaw("/console/sign-in", "application/x-www-form-urlencoded",
                "token=nonsense".getBytes()).status()).isEqualTo(401);

        assertThat(anonymous.get("/console", "Cookie", session).status()).isEqualTo(200);
        assertThat(anonymous.get("/windows/console-w", "Cookie", session).status()).as("a read with the cookie")
                .isEqualTo(200);
        assertThat(anonymous.post("/reservations", "{\"id\":\"forged\",\"window_id\":\"console-w\"}", "Cookie", session)
                .status()).as("a write never takes the cookie").isEqualTo(401);
        assertThat(anonymous.post("/console/sign-out", null, "Cookie", session).status()).as("no CSRF token")
                .isEqualTo(403);
        assertThat(anonymous.post("/console/sign-out", null, "Cookie", session + "; XSRF-TOKEN=abc",
                "X-XSRF-TOKEN", "abc").status()).as("the CSRF cookie sent back").isEqualTo(303);
    }

    @Test
    void shouldShowTheSeatMapChangeLiveInARealBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        Files.createDirectories(SCREENSHOTS);
        final ChromeDriver browser = new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                new ChromeOptions().setBinary(CHROMIUM.toFile())
                        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,860"));
        try {
            browser.get(service.baseUrl() + "/console");
            assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
            browser.findElement(By.id("token")).sendKeys(adminToken);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/console"));
            assertThat(browser.getCurrentUrl()).as("no token in a URL").doesNotContain(adminToken);
            final Cookie session = browser.manage().getCookieNamed("reservations_console");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Strict");

            final By window = By.cssSelector("tr[data-window-id='console-w'] button");
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(window).isEmpty());
            browser.findElement(window).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector("#seats .cell")).size() == 40);
            ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
            screenshot(browser, "1-seat-map");

            final String seat = service.http().post("/reservations/r1/select-resource", "{\"resource_type\":\"seat\"}")
                    .json().get("selected_resource").get("id").asString();
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "held".equals(browser.findElement(By.id("seat-" + seat)).getAttribute("data-state")));
            assertThat(browser.findElement(By.id("seat-" + seat)).getAttribute("aria-label")).contains("held by r1");
            screenshot(browser, "2-selected");

            assertThat(service.http().post("/reservations/r1/cancel", "{}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "free".equals(browser.findElement(By.id("seat-" + seat)).getAttribute("data-state")));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                    .as("the page was never reloaded").isEqualTo(true);
            screenshot(browser, "3-cancelled");
        } finally {
            screenshot(browser, "last");
            Files.writeString(SCREENSHOTS.resolve("last.html"), browser.getPageSource());
            browser.quit();
        }
    }

    private static void screenshot(final ChromeDriver browser, final String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
