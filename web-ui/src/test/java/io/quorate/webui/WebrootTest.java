package io.quorate.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the coordinator serves from the classpath: the pages of CONTRACTS.md, with every asset they
 * reference present in the jar, nothing loaded from another origin, and no API text turned into HTML.
 */
class WebrootTest {
  private static final Pattern REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");

  @ParameterizedTest
  @ValueSource(strings = {"status.html", "app.html"})
  void pageReferencesOnlyAssetsThatShipInTheJar(String page) throws IOException {
    String html = read("webroot/" + page);
    List<String> references = references(html);
    assertTrue(references.contains("/assets/quorate.css"), page + " links the stylesheet");
    for (String reference : references) {
      if (reference.startsWith("/assets/")) {
        assertNotNull(getClass().getClassLoader().getResource("webroot" + reference), page + " references missing " + reference);
      } else {
        assertTrue(reference.startsWith("/") && !reference.startsWith("//"), page + " points outside this server: " + reference);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"status.html", "app.html"})
  void pageIsReadableWithoutScriptAndOnSmallScreens(String page) throws IOException {
    String html = read("webroot/" + page);
    assertTrue(html.contains("<html lang=\"en\">"), "declares its language");
    assertTrue(html.contains("name=\"viewport\""), "has a viewport for phones");
    assertTrue(html.contains("<noscript>"), "explains itself without JavaScript");
  }

  @ParameterizedTest
  @ValueSource(strings = {"assets/ui.js", "assets/status.js", "assets/app.js", "assets/channels.js", "assets/regions.js",
      "assets/probetokens.js", "assets/live.js", "assets/monitors.js", "assets/chart.js", "assets/settings.js",
      "assets/detail.js", "assets/quorate.css"})
  void assetLoadsNothingFromOtherOriginsAndNeverParsesHtml(String asset) throws IOException {
    // The SVG namespace is a name that createElementNS needs, never fetched.
    String text = read("webroot/" + asset).replace("\"http://www.w3.org/2000/svg\"", "");
    for (String forbidden : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
        "http://", "https://", "@import")) {
      assertTrue(!text.contains(forbidden), asset + " must not contain " + forbidden);
    }
  }

  @Test
  void teamViewAsksForTheTokenInAPasswordFieldWithALabel() throws IOException {
    String html = read("webroot/app.html");
    assertTrue(html.contains("<label for=\"token\">"));
    assertTrue(html.contains("<input type=\"password\" id=\"token\""));
  }

  @Test
  void scriptsReadTheApiPathsOfTheContract() throws IOException {
    String app = read("webroot/assets/app.js");
    assertTrue(read("webroot/assets/monitors.js").contains("\"/api/v1/monitors?\""));
    assertTrue(read("webroot/assets/live.js").contains("\"/api/v1/events\""));
    assertTrue(read("webroot/assets/detail.js").contains("\"/api/v1/monitors/\""));
    assertTrue(app.contains("\"/api/v1/incidents?state=open\""));
    assertTrue(app.contains("\"Bearer \""));
    assertTrue(app.contains("sessionStorage"));
    assertEquals(-1, app.indexOf("localStorage"), "the token must not outlive the tab");
    assertTrue(read("webroot/assets/status.js").contains("\"/api/v1/status\""));
  }

  private static List<String> references(String html) {
    List<String> found = new ArrayList<>();
    Matcher matcher = REFERENCE.matcher(html);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private String read(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is on the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
