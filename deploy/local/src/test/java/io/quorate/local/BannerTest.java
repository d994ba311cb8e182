package io.quorate.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BannerTest {
  @Test
  void tellsANewcomerWhereToClickAndWhatToType() throws Exception {
    String banner = Banner.render(Topology.withBasePort(8080),
        new TokenStore.Tokens(new Secret("the-admin-token"), new Secret("probe"), new Secret("the-admin-password")),
        Optional.of("http://localhost:8181/ping/0b6f"), Path.of(".quorate-local"),
        "postgresql://postgres:postgres@localhost:5555/postgres");

    for (String expected : List.of(
        "http://localhost:8080/app", "http://localhost:8080/status", "http://localhost:8082/app",
        "http://localhost:8080/api/v1", "the-admin-token", "sign in as admin", "the-admin-password", "http://localhost:8090/",
        "curl -X POST 'http://localhost:8090/fail?regions=eu-west,us-east'",
        "curl -X POST http://localhost:8090/recover", "http://localhost:8091/",
        "curl -fsS -m 10 http://localhost:8181/ping/0b6f", "Ctrl-C stops everything")) {
      assertTrue(banner.contains(expected), "banner shows " + expected + ":\n" + banner);
    }
  }
}
