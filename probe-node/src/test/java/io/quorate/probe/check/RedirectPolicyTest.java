package io.quorate.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quorate.probe.check.RedirectPolicy.Decision;
import io.quorate.probe.check.RedirectPolicy.Final;
import io.quorate.probe.check.RedirectPolicy.Follow;
import io.quorate.probe.check.RedirectPolicy.Refuse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectPolicyTest {
  private static final RedirectPolicy FIVE = new RedirectPolicy(5);

  private static HopRequest request(String method, String url, String body) {
    MultiMap headers = HttpHeaders.headers().add("Authorization", "Bearer t0ken-abc").add("Cookie", "s=1")
        .add("Content-Type", "application/json").add("X-Quorate-Region", "eu-west");
    return new HopRequest(HttpUrl.parse(url), HttpMethod.valueOf(method), headers, body == null ? null
        : Buffer.buffer(body));
  }

  private static HopRequest follow(Decision decision) {
    return assertInstanceOf(Follow.class, decision).next();
  }

  @ParameterizedTest(name = "{1} after {0} becomes {2}")
  @CsvSource({
      "GET,    301, GET,    true",
      "POST,   301, GET,    false",
      "POST,   302, GET,    false",
      "PUT,    302, GET,    false",
      "HEAD,   302, HEAD,   true",
      "POST,   303, GET,    false",
      "DELETE, 303, GET,    false",
      "HEAD,   303, HEAD,   true",
      "POST,   307, POST,   true",
      "PUT,    308, PUT,    true",
      "GET,    307, GET,    true"})
  void changesTheMethodLikeBrowsersDo(String method, int status, String nextMethod, boolean keepsBody) {
    HopRequest next = follow(FIVE.decide(request(method, "https://a.example/x", "{\"q\":1}"), status, "/y", 0,
        new HashSet<>()));
    assertEquals(nextMethod, next.method().name());
    assertEquals("https://a.example/y", next.url().toString());
    if (keepsBody) {
      assertEquals("{\"q\":1}", next.body().toString());
      assertEquals("application/json", next.headers().get("Content-Type"));
    } else {
      assertNull(next.body());
      assertNull(next.headers().get("Content-Type"));
    }
  }

  @ParameterizedTest(name = "{0} to {1}: credentials kept {2}")
  @CsvSource({
      "https://a.example/x,       /y,                        true",
      "https://a.example/x,       https://A.example/y,       true",
      "https://a.example/x,       https://b.example/y,       false",
      "https://a.example/x,       https://a.example:8443/y,  false",
      "https://a.example/x,       http://a.example/y,        false",
      "http://a.example/x,        https://a.example:80/y,    true"})
  void dropsCredentialsToAnotherServerOrDownToHttp(String from, String location, boolean kept) {
    HopRequest next = follow(FIVE.decide(request("GET", from, null), 302, location, 0, new HashSet<>()));
    assertEquals(kept, next.headers().contains("Authorization"));
    assertEquals(kept, next.headers().contains("Cookie"));
    assertEquals("eu-west", next.headers().get("X-Quorate-Region"), "the probe's own headers always go along");
  }

  @Test
  void refusesMoreRedirectsThanTheCheckAllows() {
    Decision decision = FIVE.decide(request("GET", "https://a.example/5", null), 302, "/6?sig=abc", 5,
        new HashSet<>());
    assertEquals(new Refuse("more than 5 redirects (last: https://a.example/6?…)"), decision);
    assertEquals(new Refuse("more than 1 redirect (last: https://a.example/6)"),
        new RedirectPolicy(1).decide(request("GET", "https://a.example/5", null), 302, "/6", 1, new HashSet<>()));
  }

  @Test
  void refusesALoop() {
    Set<String> visited = new HashSet<>(Set.of("GET https://a.example/x"));
    assertEquals(new Refuse("redirect loop (back to https://a.example/x)"),
        FIVE.decide(request("GET", "https://a.example/y", null), 302, "/x", 1, visited));
  }

  @Test
  void aPostRedirectedToItselfAsGetIsNoLoop() {
    Set<String> visited = new HashSet<>(Set.of("POST https://a.example/x"));
    assertEquals("GET", follow(FIVE.decide(request("POST", "https://a.example/x", "b"), 303, "/x", 0, visited))
        .method().name());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ftp://a.example/file  | redirect refused: the Location is only http and https are supported, not ftp",
      "javascript:alert(1)   | redirect refused: the Location is only http and https are supported, not javascript",
      "http://a b/           | redirect refused: the Location is not a valid URL: Illegal character in authority"})
  void refusesLocationsItCannotFollow(String location, String reason) {
    assertEquals(new Refuse(reason), FIVE.decide(request("GET", "https://a.example/x", null), 302, location, 0,
        new HashSet<>()));
  }

  @ParameterizedTest(name = "status {0}, location {1}")
  @CsvSource(nullValues = "NONE", value = {"200, /y", "304, /y", "300, /y", "302, NONE", "302, ''"})
  void otherResponsesAreFinal(int status, String location) {
    assertInstanceOf(Final.class, FIVE.decide(request("GET", "https://a.example/x", null), status, location, 0,
        new HashSet<>()));
  }

  @Test
  void withoutRedirectsAllowedA3xxIsTheResponse() {
    assertInstanceOf(Final.class, new RedirectPolicy(0).decide(request("GET", "https://a.example/x", null), 302,
        "/y", 0, new HashSet<>()));
  }
}
