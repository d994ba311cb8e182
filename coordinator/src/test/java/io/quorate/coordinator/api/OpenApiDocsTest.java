package io.quorate.coordinator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.support.Browser;
import io.quorate.coordinator.support.Eventually;
import io.quorate.coordinator.support.OpenApiOperations;
import io.quorate.coordinator.support.TestCluster;
import io.quorate.coordinator.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /api/docs}: Swagger UI served by the coordinator itself, without a token, loading nothing from another
 * origin, over the coordinator's own OpenAPI document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocsTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
  // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private TestCluster cluster;

  @BeforeAll
  void start() {
    cluster = TestCluster.start(1, TestDatabase.create(), Duration.ofMillis(200));
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @Test
  void servesTheDocsPageWithoutAToken() throws Exception {
    HttpResponse<String> page = get("/api/docs");

    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("id=\"swagger-ui\""), page.body());
  }

  @Test
  void thePageLoadsOnlyFilesThisCoordinatorServes() throws Exception {
    List<String> assets = assets(get("/api/docs").body());

    assertTrue(assets.contains("/api/docs/swagger-ui/swagger-ui-bundle.js"), assets.toString());
    assertTrue(assets.contains("/api/docs/initializer.js"), assets.toString());
    for (String asset : assets) {
      assertTrue(asset.startsWith("/") && !asset.startsWith("//"), "not a local asset: " + asset);
      HttpResponse<String> answer = get(asset);
      assertEquals(200, answer.statusCode(), asset);
      assertFalse(answer.body().isEmpty(), asset);
    }
  }

  @Test
  void theInitializerPointsAtTheDocumentAndSendsItNowhereElse() throws Exception {
    String initializer = get("/api/docs/initializer.js").body();

    assertTrue(initializer.contains("url: \"/api/v1/openapi.json\""), initializer);
    assertTrue(initializer.contains("validatorUrl: null"), "Swagger UI would send the document to validator.swagger.io");
    assertFalse(initializer.contains("http://") || initializer.contains("https://"), initializer);
  }

  @Test
  void servesTheSwaggerUiFilesWithTheirTypes() throws Exception {
    HttpResponse<String> script = get("/api/docs/swagger-ui/swagger-ui-bundle.js");
    HttpResponse<String> styles = get("/api/docs/swagger-ui/swagger-ui.css");

    assertEquals(200, script.statusCode());
    assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"));
    assertEquals(200, styles.statusCode());
    assertTrue(styles.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    assertFalse(styles.body().contains("url(http"), "the styles load something from another origin");
  }

  @Test
  void doesNotServeTheWebjarsPetstoreDemoPage() throws Exception {
    assertEquals(404, get("/api/docs/swagger-ui/index.html").statusCode());
    assertEquals(404, get("/api/docs/swagger-ui/swagger-initializer.js").statusCode());
  }

  /** In a real browser: Swagger UI renders every operation of the document, and fetched only from this origin. */
  @Test
  void aBrowserShowsEveryOperationFetchingOnlyFromThisCoordinator() {
    String origin = "http://127.0.0.1:" + cluster.node(0).httpPort();
    try (Browser browser = Browser.start()) {
      browser.keepScreenshotIfFails("api-docs", () -> {
        browser.open(origin + "/api/docs");
        browser.waitForText(Duration.ofSeconds(20), ".info .title", "Quorate REST API");
        Eventually.until(Duration.ofSeconds(10), "every operation listed",
            () -> browser.findAll(".opblock").size() == operationCount());
        assertTrue(browser.findAll(".errors-wrapper").isEmpty(), "Swagger UI reports errors in the document");

        @SuppressWarnings("unchecked")
        List<String> fetched = (List<String>) browser.script(
            "return performance.getEntriesByType('resource').map(e => e.name)");
        List<String> elsewhere = fetched.stream().filter(url -> !url.startsWith(origin + "/")).toList();
        assertEquals(List.of(), elsewhere, "fetched from another origin");
      });
    }
  }

  private int operationCount() {
    try {
      return OpenApiOperations.of(new JsonObject(get("/api/v1/openapi.json").body())).size();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> assets(String html) {
    List<String> assets = new ArrayList<>();
    Matcher matcher = ASSET.matcher(html);
    while (matcher.find()) {
      assets.add(matcher.group(1));
    }
    return assets;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.node(0).httpPort() + path))
        .timeout(Duration.ofSeconds(10)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
