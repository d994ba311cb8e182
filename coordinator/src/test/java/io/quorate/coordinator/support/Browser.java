package io.quorate.coordinator.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs) driven through its chromedriver. Nothing is downloaded: the driver and browser paths are
 * given, so Selenium Manager never runs. Background networking is off, as this machine's network is closed.
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static Browser start() {
    return start(true);
  }

  /** A browser with scripts off, for pages that must read without them (the public status page). */
  public static Browser startWithoutJavaScript() {
    return start(false);
  }

  private static Browser start(boolean javaScript) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver ("
          + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run does)");
    }
    try {
      Path profile = Files.createTempDirectory("quorate-chromium-");
      ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
          "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--window-size=1280,2000", "--user-data-dir=" + profile);
      if (!javaScript) {
        options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
      }
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a browser profile directory", e);
    }
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Runs JavaScript in the page and returns its result, e.g. to mark the page and see it was never reloaded. */
  public Object script(String javascript) {
    return driver.executeScript(javascript);
  }

  /** Chooses the option with this text in a select element. */
  public void select(String css, String visibleText) {
    findAll(css + " option").stream().filter(option -> option.getText().equals(visibleText)).findFirst()
        .orElseThrow(() -> new AssertionError("no option '" + visibleText + "' in " + css + ": " + text(css)))
        .click();
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The visible text of the first element matching {@code css}, or "" when there is none (yet). */
  public String text(String css) {
    try {
      List<WebElement> found = findAll(css);
      return found.isEmpty() ? "" : found.get(0).getText();
    } catch (WebDriverException reRenderedMeanwhile) {
      return "";
    }
  }

  /** Waits until an element matching {@code css} shows {@code expected} in its text. */
  public void waitForText(Duration timeout, String css, String expected) {
    Eventually.until(timeout, css + " shows \"" + expected + "\" (it shows \"" + text(css) + "\")",
        () -> text(css).contains(expected));
  }

  /** Clicks the first element matching {@code css}, retrying while the page re-renders it under the click. */
  public void click(Duration timeout, String css) {
    Eventually.until(timeout, "clicked " + css, () -> {
      try {
        List<WebElement> found = findAll(css);
        if (found.isEmpty() || !found.get(0).isEnabled()) {
          return false;
        }
        found.get(0).click();
        return true;
      } catch (WebDriverException staleOrCovered) {
        return false;
      }
    });
  }

  /** The current value of a form control (what the user sees in it), not its initial attribute. */
  public String value(String css) {
    return find(css).getDomProperty("value");
  }

  /** The id of the element that has the keyboard focus ("" when it has none). */
  public String focusedId() {
    return String.valueOf(driver.switchTo().activeElement().getAttribute("id"));
  }

  /** The page as the browser holds it now, for checking that something never reached it. */
  public String pageSource() {
    return driver.getPageSource();
  }

  /**
   * Creates a person with {@code role} through the API (with the admin token) and signs them in to the team
   * view at {@code appUrl} through its form, as a person would; returns once the page shows who is signed in.
   */
  public void signInToTeamView(String appUrl, Api admin, String username, String role) {
    String password = username + "'s long password";
    Api.Response created = admin.post("/api/v1/users", new io.vertx.core.json.JsonObject().put("username", username)
        .put("password", password).put("role", role).encode());
    if (created.status() != 201) {
      throw new AssertionError("creating user " + username + " failed: " + created.status() + " " + created.body());
    }
    open(appUrl);
    type("#username", username);
    type("#password", password);
    click(java.time.Duration.ofSeconds(30), "#login-form button[type=submit]");
    waitForText(java.time.Duration.ofSeconds(30), "#whoami", username + " (" + role + ")");
  }

  public void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  /** Runs {@code steps}; when they fail, saves what the browser showed under {@code target/browser/<name>.png}. */
  public void keepScreenshotIfFails(String name, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError failure) {
      failure.addSuppressed(new AssertionError("the browser showed: " + screenshot(name).toAbsolutePath()));
      throw failure;
    }
  }

  /**
   * Saves one element as the browser draws it under {@code target/browser/<name>.png}; the README's pictures of
   * the pages are taken this way by the browser tests (copied to docs/screenshots by hand).
   */
  public Path screenshotOf(String css, String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser"));
      File shot = find(css).getScreenshotAs(OutputType.FILE);
      Path saved = dir.resolve(name + ".png");
      Files.copy(shot.toPath(), saved, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return saved;
    } catch (IOException | WebDriverException e) {
      return Path.of("screenshot failed: " + e.getMessage());
    }
  }

  /** Saves what the browser shows under {@code target/browser/}, for a failed test. */
  public Path screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser"));
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Path saved = dir.resolve(name + ".png");
      Files.copy(shot.toPath(), saved, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return saved;
    } catch (IOException | WebDriverException e) {
      return Path.of("screenshot failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary profile left behind is harmless
    }
  }
}
