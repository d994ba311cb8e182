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
 * The public status page is rendered by the coordinator (PublicStatusTest checks it); its script is here.
 */
class WebrootTest {
  private static final Pattern REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");

  @ParameterizedTest
  @ValueSource(strings = {"app.html"})
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
  @ValueSource(strings = {"app.html"})
  void pageIsReadableWithoutScriptAndOnSmallScreens(String page) throws IOException {
    String html = read("webroot/" + page);
    assertTrue(html.contains("<html lang=\"en\">"), "declares its language");
    assertTrue(html.contains("name=\"viewport\""), "has a viewport for phones");
    assertTrue(html.contains("<noscript>"), "explains itself without JavaScript");
  }

  @ParameterizedTest
  @ValueSource(strings = {"assets/ui.js", "assets/status.js", "assets/app.js", "assets/channels.js", "assets/regions.js",
      "assets/probetokens.js", "assets/session.js", "assets/access.js", "assets/publicupdates.js", "assets/incident.js", "assets/quorate.css", "assets/formfields.js", "assets/headerrows.js",
      "assets/monitorfields.js", "assets/monitordraft.js", "assets/conditioncheck.js", "assets/testnow.js",
      "assets/snippets.js", "assets/heartbeat.js", "assets/monitorform.js", "assets/live.js", "assets/monitors.js", "assets/chart.js",
      "assets/settings.js", "assets/detail.js"})
  void assetLoadsNothingFromOtherOriginsAndNeverParsesHtml(String asset) throws IOException {
    // The SVG namespace is a name that createElementNS needs, never fetched.
    String text = read("webroot/" + asset).replace("\"http://www.w3.org/2000/svg\"", "");
    for (String forbidden : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
        "http://", "https://", "@import")) {
      assertTrue(!text.contains(forbidden), asset + " must not contain " + forbidden);
    }
  }

  @Test
  void teamViewSignsInWithLabelledFieldsAndAPasswordInput() throws IOException {
    String html = read("webroot/app.html");
    assertTrue(html.contains("<label for=\"username\">"));
    assertTrue(html.contains("<label for=\"password\">"));
    assertTrue(html.contains("<input type=\"password\" id=\"password\""));
    assertTrue(html.contains("<input type=\"password\" id=\"setup-token\""));
  }

  @Test
  void scriptsReadTheApiPathsOfTheContract() throws IOException {
    String app = read("webroot/assets/app.js");
    assertTrue(read("webroot/assets/monitors.js").contains("\"/api/v1/monitors?\""));
    assertTrue(read("webroot/assets/live.js").contains("\"/api/v1/events\""));
    assertTrue(read("webroot/assets/detail.js").contains("\"/api/v1/monitors/\""));
    assertTrue(app.contains("\"/api/v1/incidents?state=open\""));
    String session = read("webroot/assets/session.js");
    assertTrue(session.contains("\"/api/v1/session\"") && session.contains("\"X-CSRF-Token\""));
    for (String script : List.of(app, session)) {
      assertEquals(-1, script.indexOf("localStorage"), "nothing about a session outlives the tab");
      assertEquals(-1, script.indexOf("sessionStorage"), "the CSRF token stays in memory");
    }
    String status = read("webroot/assets/status.js");
    assertTrue(status.contains("\"/api/v1/status\""));
    assertTrue(status.contains("quorate-status-etag"), "compares with the ETag the server-rendered page names");
  }

  /**
   * The monitor form's scripts send requests only through ui.js's helpers and never build auth headers
   * themselves: they get them from the one supplier app.js passes in, so the sign-in can change in one place.
   */
  @ParameterizedTest
  @ValueSource(strings = {"assets/formfields.js", "assets/headerrows.js", "assets/monitorfields.js",
      "assets/monitordraft.js", "assets/conditioncheck.js", "assets/testnow.js", "assets/snippets.js",
      "assets/heartbeat.js", "assets/monitorform.js"})
  void monitorFormScriptsUseTheSharedRequestHelpersAndTheAuthSupplier(String asset) throws IOException {
    String text = read("webroot/" + asset);
    for (String forbidden : List.of("fetch(\"", "fetch(url", "XMLHttpRequest", "\"Bearer \"", "sessionStorage", "localStorage")) {
      assertEquals(-1, text.indexOf(forbidden), asset + " must not contain " + forbidden);
    }
  }

  @Test
  void monitorFormCallsTheValidationAndTestEndpoints() throws IOException {
    assertTrue(read("webroot/assets/conditioncheck.js").contains("\"/api/v1/conditions/validate\""));
    assertTrue(read("webroot/assets/testnow.js").contains("\"/api/v1/monitors/test\""));
    assertTrue(read("webroot/assets/monitorform.js").contains("\"/api/v1/monitors\""));
    assertTrue(read("webroot/app.html").contains("<script src=\"/assets/monitorform.js\" defer></script>"));
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
