package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.condition.ConditionResult.Failure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadersAndCertificateTest {
  private static final Map<String, List<String>> HEADERS = headers();

  private static Map<String, List<String>> headers() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/json; charset=utf-8"));
    headers.put("X-Queue-Depth", List.of("42"));
    headers.put("retry-after", List.of("120"));
    headers.put("X-Oldest-Job-Age", List.of("4m30s"));
    headers.put("X-Status", List.of("degraded"));
    headers.put("X-Worker", List.of("a", "b"));
    headers.put("X-Empty", List.of(""));
    return headers;
  }

  @ParameterizedTest(name = "{0}  →  {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      [HEADER].X-Queue-Depth < 100       | true  | NONE          | [HEADER].X-Queue-Depth (42) < 100 — passed
      [HEADER].x-queue-depth < 10        | false | BREACHED      | [HEADER].x-queue-depth (42) < 10 — failed
      [HEADER].Retry-After > 60          | true  | NONE          | [HEADER].Retry-After (120) > 60 — passed
      [HEADER].X-Oldest-Job-Age < 5m     | true  | NONE          | [HEADER].X-Oldest-Job-Age (4m30s) < 5m — passed
      [HEADER].Content-Type == pat(application/json*) | true | NONE | [HEADER].Content-Type (application/json; charset=utf-8) == pat(application/json*) — passed
      [HEADER].X-Status == any(ok, healthy) | false | BREACHED   | [HEADER].X-Status (degraded) == any(ok, healthy) — failed
      [HEADER].X-Status != ok            | true  | NONE          | [HEADER].X-Status (degraded) != ok — passed
      [HEADER].X-Worker == "a, b"        | true  | NONE          | [HEADER].X-Worker (a, b) == "a, b" — passed
      [HEADER].X-Empty == ""             | true  | NONE          | [HEADER].X-Empty () == "" — passed
      len([HEADER].X-Status) == 8        | true  | NONE          | len([HEADER].X-Status) (8) == 8 — passed
      has([HEADER].x-status) == true     | true  | NONE          | has([HEADER].x-status) (true) == true — passed
      has([HEADER].X-Request-Id) == false | true | NONE          | has([HEADER].X-Request-Id) (false) == false — passed
      [HEADER].X-Request-Id == abc       | false | FIELD_MISSING | [HEADER].X-Request-Id: header missing
      [HEADER].X-Request-Id != abc       | false | FIELD_MISSING | [HEADER].X-Request-Id: header missing
      len([HEADER].X-Missing) == 0       | false | FIELD_MISSING | [HEADER].X-Missing: header missing
      [HEADER].X-Status < 5              | false | TYPE_MISMATCH | [HEADER].X-Status: "degraded" is not a number
      [HEADER].X-Worker > 1              | false | TYPE_MISMATCH | [HEADER].X-Worker: "a, b" is not a number
      """)
  void readsResponseHeadersIgnoringCase(String condition, boolean success, Failure failure, String line) {
    ConditionResult result = Condition.parse(condition).evaluate(new CheckResponse(200, 3, "", HEADERS));
    assertEquals(line, result.line());
    assertEquals(success, result.success(), line);
    assertEquals(failure, result.failure(), line);
  }

  @ParameterizedTest(name = "expires in {0} ms: {1}  →  {4}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      2592000000 | [CERTIFICATE_EXPIRATION] > 7d    | true  | NONE          | [CERTIFICATE_EXPIRATION] (2592000) > 7d — passed
      2592000000 | [CERTIFICATE_EXPIRATION] > 48h   | true  | NONE          | [CERTIFICATE_EXPIRATION] (2592000) > 48h — passed
      2592000000 | [CERTIFICATE_EXPIRATION] > 60d   | false | BREACHED      | [CERTIFICATE_EXPIRATION] (2592000) > 60d — failed
      1500       | [CERTIFICATE_EXPIRATION] > 1s    | true  | NONE          | [CERTIFICATE_EXPIRATION] (1.5) > 1s — passed
      -86400000  | [CERTIFICATE_EXPIRATION] > 0     | false | BREACHED      | [CERTIFICATE_EXPIRATION] (-86400) > 0 — failed
      2592000000 | has([CERTIFICATE_EXPIRATION]) == true | true | NONE   | has([CERTIFICATE_EXPIRATION]) (true) == true — passed
                 | [CERTIFICATE_EXPIRATION] > 7d    | false | FIELD_MISSING | [CERTIFICATE_EXPIRATION]: no TLS certificate (not HTTPS)
                 | [CERTIFICATE_EXPIRATION] < 7d    | false | FIELD_MISSING | [CERTIFICATE_EXPIRATION]: no TLS certificate (not HTTPS)
                 | has([CERTIFICATE_EXPIRATION]) == false | true | NONE  | has([CERTIFICATE_EXPIRATION]) (false) == false — passed
      """)
  void readsSecondsUntilTheCertificateExpires(Long expiresInMs, String condition, boolean success, Failure failure,
      String line) {
    CheckResponse response = CheckResponse.of(200, 3, "ok");
    if (expiresInMs != null) {
      response = response.withCertificateExpiresInMs(expiresInMs);
    }
    ConditionResult result = Condition.parse(condition).evaluate(response);
    assertEquals(line, result.line());
    assertEquals(success, result.success(), line);
    assertEquals(failure, result.failure(), line);
  }
}
