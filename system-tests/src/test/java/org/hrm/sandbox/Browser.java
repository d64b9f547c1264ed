package org.hrm.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver (never a downloaded browser or
 * driver), with a fresh profile; small waits and screenshots for the portal tests.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final WebDriver driver;
    private final Path screenshots;
    private final Path downloads;

    Browser(Path profile, Path screenshots) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1100",
                "--user-data-dir=" + profile.toAbsolutePath()));
        this.downloads = Files.createDirectories(profile.resolve("downloads"));
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory",
                        downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download",
                        false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.screenshots = Files.createDirectories(screenshots);
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return until(
                () -> driver.findElements(By.cssSelector(css)).stream()
                        .findFirst()
                        .orElse(null),
                css);
    }

    /** How many elements match now (after an awaited text has shown the page's data arrived). */
    int countElements(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    /** An attribute of the first element that matches, waiting for it to appear. */
    String attribute(String css, String name) {
        return find(css).getAttribute(name);
    }

    void click(String css) {
        find(css).click();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the element's text contains {@code expected}, running {@code retry} between looks. */
    String awaitText(String css, String expected, Runnable retry) {
        return until(
                () -> {
                    String text = driver.findElements(By.cssSelector(css)).stream()
                            .map(WebElement::getText)
                            .findFirst()
                            .orElse("");
                    if (text.contains(expected)) {
                        return text;
                    }
                    retry.run();
                    return null;
                },
                css + " containing '" + expected + "'");
    }

    /** Waits for a completed download whose file name starts with {@code prefix}. */
    Path awaitDownload(String prefix) {
        return until(
                () -> {
                    try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
                        return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                                .filter(f -> !f.getFileName().toString().endsWith(".crdownload"))
                                .findFirst()
                                .orElse(null);
                    } catch (java.io.IOException e) {
                        return null;
                    }
                },
                "a download named " + prefix + "*");
    }

    void acceptConfirmation() {
        until(
                () -> {
                    try {
                        driver.switchTo().alert().accept();
                        return true;
                    } catch (NoAlertPresentException e) {
                        return null;
                    }
                },
                "a confirmation dialog");
    }

    void screenshot(String name) throws Exception {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name + ".png"), png);
    }

    private <T> T until(Supplier<T> look, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T found = look.get();
            if (found != null) {
                return found;
            }
            sleep();
        }
        throw new AssertionError("waited " + WAIT + " for " + what + "; page: " + driver.getCurrentUrl());
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
