package io.quorate.coordinator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitorRequestsTest {
  private static final List<String> KNOWN = List.of("ap-south", "eu-west", "us-east");
  private static final String VALID_HTTP = """
      {"name":"Receipts","type":"http","url":"https://billing.example/queues/receipts",
       "conditions":["[STATUS] == 200","[BODY].enqueued < 1000"],"regions":["eu-west","us-east","ap-south"]}""";

  @Test
  void fillsSensibleDefaultsForAnHttpMonitor() {
    MonitorDraft draft = MonitorRequests.parse(new JsonObject(VALID_HTTP), Optional.empty(), KNOWN);
    HttpSpec spec = assertInstanceOf(HttpSpec.class, draft.spec());
    assertEquals("GET", spec.request().method());
    assertEquals(Duration.ofSeconds(30), spec.interval());
    assertEquals(Duration.ofSeconds(10), spec.timeout());
    assertEquals(1024 * 1024, spec.request().maxBodyBytes());
    assertEquals(5, spec.request().maxRedirects());
    assertTrue(spec.request().tlsVerify(), "certificates are verified unless the monitor opts out");
    assertEquals(2, spec.quorum(), "majority of three regions");
    assertEquals(2, spec.confirmations());
    assertEquals(1, spec.recoveries());
    assertEquals(Duration.ofSeconds(70), spec.staleAfter(), "two intervals and a timeout");
  }

  /** Each row: the quorum as sent (JSON), the regions, and how many regions must agree. */
  @ParameterizedTest(name = "quorum {0} of {1} regions needs {2}")
  @CsvSource(delimiter = '|', textBlock = """
      2      | eu-west,us-east,ap-south         | 2
      1      | eu-west,us-east,ap-south         | 1
      "60%"  | eu-west,us-east,ap-south         | 2
      "50%"  | eu-west,us-east,ap-south,sa-east | 2
      "51%"  | eu-west,us-east,ap-south,sa-east | 3
      "100%" | eu-west,us-east,ap-south         | 3
      "1%"   | eu-west,us-east,ap-south         | 1
      """)
  void acceptsAQuorumAsRegionsOrAsAPercentage(String quorum, String regions, int required) {
    JsonObject body = new JsonObject(VALID_HTTP)
        .put("quorum", new JsonObject("{\"q\":" + quorum + "}").getValue("q"))
        .put("regions", new io.vertx.core.json.JsonArray(List.of(regions.split(","))));
    HttpSpec spec = (HttpSpec) MonitorRequests.parse(body, Optional.empty(), KNOWN).spec();
    assertEquals(required, spec.quorum());
  }

  @Test
  void keepsRecoveriesAndAStaleWindowAndReturnsToTheDefaultWindowWhenAsked() {
    JsonObject body = new JsonObject(VALID_HTTP).put("recoveries", 3).put("stale_after", "5m");
    HttpSpec spec = (HttpSpec) MonitorRequests.parse(body, Optional.empty(), KNOWN).spec();
    assertEquals(3, spec.recoveries());
    assertEquals(Duration.ofMinutes(5), spec.staleAfter());
    body.put("stale_after_default", true);
    HttpSpec back = (HttpSpec) MonitorRequests.parse(body, Optional.empty(), KNOWN).spec();
    assertEquals(Optional.empty(), back.staleWindow(), "a GET's default window sent back stays the default");
  }

  @Test
  void defaultsToEveryRegionThatHasConnected() {
    JsonObject body = new JsonObject(VALID_HTTP);
    body.remove("regions");
    HttpSpec spec = (HttpSpec) MonitorRequests.parse(body, Optional.empty(), KNOWN).spec();
    assertEquals(KNOWN, spec.regions());
  }

  @Test
  void keepsStoredSecretsSentBackRedacted() {
    JsonObject body = new JsonObject(VALID_HTTP)
        .put("headers", new JsonObject().put("X-Api-Key", "****").put("X-Team", "billing"))
        .put("auth", new JsonObject().put("type", "basic").put("username", "monitor").put("password", "****"));
    HttpRequestSpec storedRequest = new HttpRequestSpec("https://x.example", "GET",
        Map.of("X-Api-Key", new HeaderValue("k-123", true)), Optional.of(new RequestAuth.Basic("monitor", "pw")), "",
        Duration.ofSeconds(5), 1024, 0, true);
    HttpSpec stored = new HttpSpec(storedRequest, Duration.ofSeconds(30), List.of(), Map.of(), KNOWN, QuorumRule.regions(2), 2, 1,
        Optional.empty());
    Monitor existing = new Monitor(UUID.randomUUID(), "Receipts", stored, MonitorAlerting.DEFAULTS, PublicListing.PRIVATE, 1, Instant.EPOCH,
        Instant.EPOCH);
    HttpSpec spec = (HttpSpec) MonitorRequests.parse(body, Optional.of(existing), KNOWN).spec();
    assertEquals(Map.of("X-Api-Key", new HeaderValue("k-123", true), "X-Team", new HeaderValue("billing", false)),
        spec.request().headers());
    assertEquals(new RequestAuth.Basic("monitor", "pw"), spec.request().auth().orElseThrow());
  }

  /** Each row: a header as sent, and whether the API will treat its value as a write-only secret. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Accept          | "application/json"                       | false
      Authorization   | "Bearer abc"                             | true
      X-Api-Key       | "k"                                      | true
      X-Auth-Token    | "t"                                      | true
      Cookie          | "session=1"                              | true
      X-Team          | {"value":"billing","secret":true}        | true
      X-Team          | {"value":"billing"}                      | false
      """)
  void marksCredentialHeadersSecretEvenWhenTheCallerForgets(String name, String value, boolean secret) {
    JsonObject body = new JsonObject(VALID_HTTP).put("headers", new JsonObject("{\"" + name + "\":" + value + "}"));
    HttpSpec spec = (HttpSpec) MonitorRequests.parse(body, Optional.empty(), KNOWN).spec();
    assertEquals(secret, spec.request().headers().get(name).secret());
  }

  @Test
  void turnsBearerAuthIntoTheAuthorizationHeaderTheProbeSends() {
    JsonObject body = new JsonObject(VALID_HTTP).put("auth", new JsonObject().put("type", "bearer").put("token", "t0k"))
        .put("headers", new JsonObject().put("Accept", "application/json"));
    HttpSpec spec = (HttpSpec) MonitorRequests.parse(body, Optional.empty(), KNOWN).spec();
    assertEquals(Map.of("Accept", "application/json", "Authorization", "Bearer t0k"), spec.request().wireHeaders());
  }

  @Test
  void monitorsArePrivateUnlessMarkedPublic() {
    MonitorDraft plain = MonitorRequests.parse(new JsonObject(VALID_HTTP), Optional.empty(), KNOWN);
    assertEquals(PublicListing.PRIVATE, plain.listing());
    JsonObject body = new JsonObject(VALID_HTTP).put("public", true).put("public_name", " Receipt emails ")
        .put("public_group", "Email").put("public_slug", "").put("name", "billing-receipts-worker");
    PublicListing listing = MonitorRequests.parse(body, Optional.empty(), KNOWN).listing();
    assertTrue(listing.listed());
    assertEquals("Receipt emails", listing.shownName("billing-receipts-worker"));
    assertEquals(Optional.of("Email"), listing.group());
    assertEquals(Optional.empty(), listing.slug(), "an empty slug counts as left out");
    assertEquals("receipt-emails", listing.derivedSlug("billing-receipts-worker"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Receipt emails         | receipt-emails
      Café  API (EU)         | cafe-api-eu
      ---                    | component
      """)
  void derivesBadgeSlugsFromTheShownName(String shown, String slug) {
    assertEquals(slug, PublicListing.slugOf(shown));
  }

  @Test
  void keepsNamedSeriesForCharts() {
    JsonObject body = new JsonObject(VALID_HTTP).put("series", new JsonObject().put("depth", "[BODY].enqueued")
        .put("oldest_job_age", " [BODY].latency "));
    HttpSpec spec = (HttpSpec) MonitorRequests.parse(body, Optional.empty(), KNOWN).spec();
    assertEquals(Map.of("depth", "[BODY].enqueued", "oldest_job_age", "[BODY].latency"), spec.series());
  }

  @Test
  void keepsTheHeartbeatPingIdAcrossEdits() {
    UUID pingId = UUID.randomUUID();
    Monitor existing = new Monitor(UUID.randomUUID(), "Nightly", HeartbeatSpec.every(pingId, Duration.ofMinutes(5), Duration.ofMinutes(1)),
        MonitorAlerting.DEFAULTS, PublicListing.PRIVATE, 1, Instant.EPOCH, Instant.EPOCH);
    JsonObject body = new JsonObject().put("name", "Nightly").put("type", "heartbeat").put("period", "10m");
    HeartbeatSpec spec = (HeartbeatSpec) MonitorRequests.parse(body, Optional.of(existing), KNOWN).spec();
    assertEquals(pingId, spec.pingId());
    assertEquals(Optional.of(Duration.ofMinutes(10)), spec.period());
  }

  /** Each row: a JSON patch applied to a valid HTTP monitor, the field named in the error, and words of the message. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing name            | {"name":null}                          | name          | is required
      blank name              | {"name":"  "}                          | name          | 1 to 200 characters
      unknown type            | {"type":"smtp"}                        | type          | "http" or "heartbeat"
      missing url             | {"url":null}                           | url           | is required
      relative url            | {"url":"/queues"}                      | url           | absolute http
      ftp url                 | {"url":"ftp://x.example/q"}            | url           | absolute http
      bad method              | {"method":"FETCH"}                     | method        | must be one of
      bad interval            | {"interval":"soon"}                    | interval      | such as 500ms
      tiny interval           | {"interval":"100ms"}                   | interval      | between 1s and 1d
      timeout over interval   | {"interval":"5s","timeout":"10s"}      | timeout       | at most the interval
      zero quorum             | {"quorum":0}                           | quorum        | between 1 and the number of regions (3)
      quorum over regions     | {"quorum":4}                           | quorum        | between 1 and the number of regions (3)
      fractional quorum       | {"quorum":1.5}                         | quorum        | a number of regions such as 2
      zero percent quorum     | {"quorum":"0%"}                        | quorum        | between 1% and 100%
      percent over hundred    | {"quorum":"150%"}                      | quorum        | between 1% and 100%
      quorum words            | {"quorum":"most"}                      | quorum        | a percentage such as "60%"
      zero confirmations      | {"confirmations":0}                    | confirmations | between 1 and 100
      zero recoveries         | {"recoveries":0}                       | recoveries    | between 1 and 100
      stale under interval    | {"stale_after":"20s"}                  | stale_after   | one interval plus the timeout (40s)
      stale not a duration    | {"stale_after":"later"}                | stale_after   | such as 500ms
      empty regions           | {"regions":[]}                         | regions       | at least one region
      uppercase region        | {"regions":["EU"]}                     | regions[0]    | lowercase letters
      repeated region         | {"regions":["eu-west","eu-west"]}      | regions[1]    | listed twice
      condition not a string  | {"conditions":[42]}                    | conditions[0] | non-empty string
      condition syntax        | {"conditions":["[BODY].x <<< 3"]}      | conditions[0] | <<<
      headers not an object   | {"headers":"x"}                        | headers       | must be an object
      header with line break  | {"headers":{"X-A":"a\\r\\nB: c"}}      | headers.X-A   | line breaks
      redacted header unknown | {"headers":{"X-A":"****"}}             | headers.X-A   | no value is stored
      header object no value  | {"headers":{"X-A":{"secret":true}}}    | headers.X-A.value | is required
      header object extra     | {"headers":{"X-A":{"value":"1","x":1}}} | headers.X-A.x | is not a field of a header
      header number           | {"headers":{"X-A":1}}                  | headers.X-A   | must be a string or
      auth not an object      | {"auth":"Bearer x"}                    | auth          | must be an object
      auth unknown type       | {"auth":{"type":"digest"}}             | auth.type     | "bearer" or "basic"
      bearer without token    | {"auth":{"type":"bearer"}}             | auth.token    | is required
      basic without password  | {"auth":{"type":"basic","username":"u"}} | auth.password | is required
      basic colon in user     | {"auth":{"type":"basic","username":"a:b","password":"p"}} | auth.username | must not contain
      redacted token unknown  | {"auth":{"type":"bearer","token":"****"}} | auth.token | no value is stored
      auth and header         | {"auth":{"type":"bearer","token":"t"},"headers":{"authorization":"Bearer u"}} | auth | both set
      password in url         | {"url":"https://u:p@x.example/q"}      | url           | must not carry a user name
      body not a string       | {"body":{"a":1}}                       | body          | must be a string
      max body zero           | {"max_body_bytes":0}                   | max_body_bytes | between 1 and
      max body text           | {"max_body_bytes":"1MiB"}              | max_body_bytes | whole number
      redirects over ten      | {"max_redirects":11}                   | max_redirects | between 0 and 10
      tls verify text         | {"tls_verify":"no"}                    | tls_verify    | true or false
      repeated condition      | {"conditions":["[STATUS] == 200","[STATUS] == 200"]} | conditions[1] | listed twice
      series not an object    | {"series":["[BODY].x"]}                | series        | must be an object
      series not a string     | {"series":{"depth":5}}                 | series.depth  | must be a value
      series bad name         | {"series":{"Depth!":"[BODY].x"}}       | series        | Depth!
      series bad expression   | {"series":{"depth":"[BODY.x"}}         | series        | depth
      misspelled field        | {"intervall":"5s"}                     | intervall     | is not a field of http monitors
      heartbeat field on http | {"period":"5m"}                        | period        | is not a field
      public not a boolean    | {"public":"yes"}                       | public        | true or false
      public name too long    | {"public_name":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}                   | public_name   | at most 100 characters
      public name two lines   | {"public_name":"Receipts\\nInternal"} | public_name   | one line
      public group number     | {"public_group":3}                     | public_group  | must be a string
      public slug uppercase   | {"public_slug":"Receipts"}             | public_slug   | lowercase letters
      public slug double dash | {"public_slug":"a--b"}                 | public_slug   | single dashes
      """)
  void refusesBadInputNamingTheField(String name, String patch, String field, String words) {
    JsonObject body = new JsonObject(VALID_HTTP);
    new JsonObject(patch).forEach(e -> {
      if (e.getValue() == null) {
        body.remove(e.getKey());
      } else {
        body.put(e.getKey(), e.getValue());
      }
    });
    ValidationException error = assertThrows(ValidationException.class,
        () -> MonitorRequests.parse(body, Optional.empty(), KNOWN));
    assertEquals(field, error.field(), error.getMessage());
    assertTrue(error.getMessage().contains(words), error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no period     | {"name":"N","type":"heartbeat"}                             | period | is required
      bad period    | {"name":"N","type":"heartbeat","period":"daily"}            | period | such as 500ms
      bad grace     | {"name":"N","type":"heartbeat","period":"1h","grace":"x"}   | grace  | such as 500ms
      http field    | {"name":"N","type":"heartbeat","period":"1h","url":"http://x"} | url | is not a field
      """)
  void refusesBadHeartbeats(String name, String json, String field, String words) {
    ValidationException error = assertThrows(ValidationException.class,
        () -> MonitorRequests.parse(new JsonObject(json), Optional.empty(), KNOWN));
    assertEquals(field, error.field());
    assertTrue(error.getMessage().contains(words), error.getMessage());
  }

  @Test
  void refusesChangingTheTypeOfAMonitor() {
    Monitor heartbeat = new Monitor(UUID.randomUUID(), "N", HeartbeatSpec.every(UUID.randomUUID(), Duration.ofMinutes(5),
        Duration.ZERO), MonitorAlerting.DEFAULTS, PublicListing.PRIVATE, 1, Instant.EPOCH, Instant.EPOCH);
    ValidationException error = assertThrows(ValidationException.class,
        () -> MonitorRequests.parse(new JsonObject(VALID_HTTP), Optional.of(heartbeat), KNOWN));
    assertEquals("type", error.field());
  }

  @Test
  void requiresRegionsWhenNoProbeHasConnected() {
    JsonObject body = new JsonObject(VALID_HTTP);
    body.remove("regions");
    ValidationException error = assertThrows(ValidationException.class,
        () -> MonitorRequests.parse(body, Optional.empty(), List.of()));
    assertEquals("regions", error.field());
  }
}
