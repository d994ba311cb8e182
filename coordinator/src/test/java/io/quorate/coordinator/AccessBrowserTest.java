package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Api;
import io.quorate.coordinator.support.Browser;
import io.quorate.coordinator.support.LogCapture;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access in a real headless Chromium, from a new installation: the first admin is created with the setup
 * token from the log, adds a viewer and an API key (shown once) in the page, signs out; the viewer signs
 * in and is offered no changes; a wrong password is refused with a message.
 */
class AccessBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern SETUP_TOKEN = Pattern.compile("with the setup token (\\S+) ");
  private TestCluster cluster;
  private Browser browser;
  private String setupToken;

  @BeforeEach
  void start() {
    try (LogCapture log = new LogCapture()) {
      cluster = TestCluster.start(1, TestDatabase.create(), Duration.ofMillis(200));
      setupToken = log.lines().stream().map(SETUP_TOKEN::matcher).filter(Matcher::find).map(m -> m.group(1))
          .findFirst().orElseThrow(() -> new AssertionError("no setup token in the log"));
    }
    browser = Browser.start();
  }

  @AfterEach
  void stop() {
    browser.close();
    cluster.close();
  }

  @Test
  void fromFirstStartToAViewerWhoCanOnlyRead() {
    browser.keepScreenshotIfFails("access", this::firstStartToViewer);
  }

  private void firstStartToViewer() {
    Api api = cluster.api(0);
    api.createMonitor(new JsonObject().put("name", "Nightly export").put("type", "heartbeat")
        .put("period", "1h").put("grace", "10m"));
    browser.open("http://127.0.0.1:" + cluster.node(0).httpPort() + "/app");

    browser.type("#setup-token", setupToken);
    browser.type("#setup-username", "root");
    browser.type("#setup-password", "root's long password");
    browser.click(WAIT, "#setup-form button[type=submit]");
    browser.waitForText(WAIT, "#whoami", "root (admin)");
    browser.waitForText(WAIT, "#monitors", "Nightly export");

    browser.type("#user-form input[name=username]", "vic");
    browser.type("#user-form input[name=password]", "vic's long password");
    browser.click(WAIT, "#user-form button[type=submit]");
    browser.waitForText(WAIT, "#access-result", "Added vic as viewer.");
    browser.waitForText(WAIT, "#users", "vic");

    browser.type("#api-key-form input[name=name]", "CI deploys");
    browser.click(WAIT, "#api-key-form button[type=submit]");
    browser.waitForText(WAIT, "#api-keys", "shown only this once");
    String key = browser.text("#api-keys .api-key-secret");
    assertTrue(key.startsWith("qk_"), key);
    assertEquals(200, new Api(cluster.node(0).httpPort(), key).get("/api/v1/monitors").status(), "the key works");
    assertFalse(api.get("/api/v1/api-keys").body().contains(key), "and is never listed");

    browser.click(WAIT, "#sign-out");
    browser.waitForText(WAIT, "#login-title", "Sign in");
    browser.type("#username", "vic");
    browser.type("#password", "not the password");
    browser.click(WAIT, "#login-form button[type=submit]");
    browser.waitForText(WAIT, "#login-error", "wrong username or password");

    browser.type("#password", "vic's long password");
    browser.click(WAIT, "#login-form button[type=submit]");
    browser.waitForText(WAIT, "#whoami", "vic (viewer)");
    browser.waitForText(WAIT, "#monitors", "Nightly export");
    assertFalse(browser.find("#access").isDisplayed(), "a viewer does not manage access");
    assertFalse(browser.find("#probe-tokens-section").isDisplayed());
  }
}
