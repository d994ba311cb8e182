package io.quorate.coordinator.config;

/** A {@code host:port} pair, as written in {@code --cluster-members}. */
public record HostPort(String host, int port) {
  public HostPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
    }
  }

  public static HostPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got \"" + text + "\"");
    }
    try {
      return new HostPort(text.substring(0, colon).trim(), Integer.parseInt(text.substring(colon + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected host:port, got \"" + text + "\"");
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
