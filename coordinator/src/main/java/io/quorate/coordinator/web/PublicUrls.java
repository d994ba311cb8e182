package io.quorate.coordinator.web;

import io.quorate.coordinator.config.CoordinatorConfig;

/**
 * The base URLs people are sent to (alert links, heartbeat ping URLs). When not configured they name the
 * HTTP port, which with port 0 is only known once the server listens; until then they are unset.
 */
public final class PublicUrls {
  private final CoordinatorConfig config;
  private volatile int httpPort = -1;

  public PublicUrls(CoordinatorConfig config) {
    this.config = config;
  }

  public void listeningOn(int actualHttpPort) {
    httpPort = actualHttpPort;
  }

  public String app() {
    return config.effectivePublicUrl(port()) + "/app";
  }

  public String pingBase() {
    return config.effectivePingUrl(port());
  }

  private int port() {
    return httpPort < 0 ? config.httpPort() : httpPort;
  }
}
