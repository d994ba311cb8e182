package io.quorate.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpUrlTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "http://queue.example/depth           | http  | queue.example | 80   | /depth",
      "HTTPS://Queue.Example                | https | queue.example | 443  | /",
      "https://queue.example:8443/a?b=1#top | https | queue.example | 8443 | /a?b=1",
      "http://user:pw@queue.example/x       | http  | queue.example | 80   | /x",
      "http://[::1]:9000/q                  | http  | ::1           | 9000 | /q",
      "http://queue_1.internal:8080/q%20x   | http  | queue_1.internal | 8080 | /q%20x",
      "http://127.0.0.1:81                  | http  | 127.0.0.1     | 81   | /"})
  void takesAnHttpUrlApart(String url, String scheme, String host, int port, String pathAndQuery) {
    assertEquals(new HttpUrl(scheme, host, port, pathAndQuery), HttpUrl.parse(url));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "ftp://queue.example/       | only http and https are supported, not ftp",
      "/relative/path             | not an absolute http or https URL",
      "http://                    | not a valid URL: Expected authority",
      "http://:80/                | the URL has no host",
      "http://queue.example:0/    | port must be 1 to 65535, got \"0\"",
      "http://queue.example:99999/ | port must be 1 to 65535, got \"99999\"",
      "http://queue example/      | not a valid URL: Illegal character in authority"})
  void refusesWhatItCannotRequest(String url, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> HttpUrl.parse(url)).getMessage());
  }

  @ParameterizedTest(name = "{1} from {0}")
  @CsvSource(delimiter = '|', value = {
      "http://a.example/x/y?q=1  | z              | http://a.example/x/z",
      "http://a.example/x/y?q=1  | /z             | http://a.example/z",
      "http://a.example/x/y?q=1  | ?r=2           | http://a.example/x/y?r=2",
      "http://a.example/x/y      | ../up          | http://a.example/up",
      "http://a.example          | z              | http://a.example/z",
      "https://a.example/x       | //b.example/y  | https://b.example/y",
      "https://a.example/x       | http://b.example:8080/y | http://b.example:8080/y"})
  void resolvesALocationAgainstTheCurrentUrl(String base, String location, String resolved) {
    assertEquals(resolved, HttpUrl.parse(base).resolve(location).toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "https://a.example/path?token=s3cret | https://a.example/path?…",
      "http://[::1]:8080/                  | http://[::1]:8080/"})
  void showsUrlsWithoutTheirQuery(String url, String shown) {
    assertEquals(shown, HttpUrl.parse(url).display());
  }
}
