package io.quorate.probe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code host:port} address; IPv6 hosts are written in brackets, {@code [::1]:9090}. */
public record HostPort(String host, int port) {
  private static final Pattern FORM = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:\\s\\[\\]]+):(\\d{1,5})");

  public HostPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
    }
  }

  /** Parses {@code host:port}; the exception message says what is wrong with the text. */
  public static HostPort parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    Matcher m = FORM.matcher(trimmed);
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + trimmed + "\" is not host:port");
    }
    String host = m.group(1);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HostPort(host, Integer.parseInt(m.group(2)));
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
