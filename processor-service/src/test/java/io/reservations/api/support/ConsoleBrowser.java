package io.reservations.api.support;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) on the console, at a laptop's window size;
 * screenshots and the last page's HTML under target/console-screenshots.
 */
public final class ConsoleBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;

    private ConsoleBrowser(final ChromeDriver driver) {
        this.driver = driver;
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static ConsoleBrowser open() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        return new ConsoleBrowser(new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                        "--disable-dev-shm-usage", "--window-size=1366,860")));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens the console at {@code baseUrl}, is sent to sign in, signs in with {@code token}. */
    public void signIn(final String baseUrl, final String token) {
        driver.get(baseUrl + "/console");
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.getCurrentUrl().endsWith("/console/sign-in"));
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.getCurrentUrl().endsWith("/console"));
    }

    public WebElement find(final By by) {
        return driver.findElement(by);
    }

    public boolean present(final By by) {
        return !driver.findElements(by).isEmpty();
    }

    public Object script(final String script, final Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public void screenshot(final String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws Exception {
        try {
            screenshot("last");
            Files.writeString(SCREENSHOTS.resolve("last.html"), driver.getPageSource());
        } finally {
            driver.quit();
        }
    }
}
