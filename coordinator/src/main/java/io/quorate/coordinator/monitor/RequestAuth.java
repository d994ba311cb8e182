package io.quorate.coordinator.monitor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How an HTTP monitor authenticates to its endpoint. The coordinator turns it into an {@code Authorization}
 * header for the probes; the token and the password are write-only through the API.
 */
public sealed interface RequestAuth permits RequestAuth.Bearer, RequestAuth.Basic {

  /** The value of the Authorization header the probe sends. */
  String authorizationHeader();

  /** {@code Authorization: Bearer <token>}. */
  record Bearer(String token) implements RequestAuth {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String authorizationHeader() {
      return "Bearer " + token;
    }

    @Override
    public String toString() {
      return "Bearer[****]";
    }
  }

  /** {@code Authorization: Basic base64(username:password)}, as RabbitMQ's management API wants. */
  record Basic(String username, String password) implements RequestAuth {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String authorizationHeader() {
      byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
      return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    @Override
    public String toString() {
      return "Basic[" + username + ":****]";
    }
  }
}
