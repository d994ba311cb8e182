package io.quorate.probe.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A TCP server on loopback that misbehaves below HTTP: what a broken proxy, a crashed process or a port
 * scanner's target looks like to the probe. Each behaviour acts once the request's head has arrived.
 */
public final class RawTarget implements AutoCloseable {
  private final NetServer server;
  private final AtomicInteger connections = new AtomicInteger();

  private RawTarget(NetServer server) {
    this.server = server;
  }

  /** Accepts and reads, never answers. */
  public static RawTarget hanging(Vertx vertx) {
    return start(vertx, false, socket -> { });
  }

  /** Answers something that is not HTTP. */
  public static RawTarget malformed(Vertx vertx) {
    return start(vertx, false, socket -> socket.write("SMTP READY what is this\r\n\r\n"));
  }

  /** Resets the connection (RST) as soon as the request arrives. */
  public static RawTarget resetting(Vertx vertx) {
    return start(vertx, true, NetSocket::close);
  }

  /** Closes cleanly without a byte of answer. */
  public static RawTarget closing(Vertx vertx) {
    return start(vertx, false, NetSocket::close);
  }

  /** Sends the head and part of the promised body, then closes. */
  public static RawTarget truncating(Vertx vertx) {
    return start(vertx, false, socket -> socket.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"enq")
        .onComplete(v -> socket.close()));
  }

  private static RawTarget start(Vertx vertx, boolean reset, Consumer<NetSocket> behaviour) {
    // SO_LINGER 0 turns close() into a reset.
    NetServerOptions options = new NetServerOptions().setHost("127.0.0.1").setPort(0);
    if (reset) {
      options.setSoLinger(0);
    }
    NetServer server = vertx.createNetServer(options);
    RawTarget target = new RawTarget(server);
    server.connectHandler(socket -> {
      target.connections.incrementAndGet();
      StringBuilder head = new StringBuilder();
      socket.handler(data -> {
        boolean complete = head.indexOf("\r\n\r\n") >= 0;
        head.append(data.toString());
        if (!complete && head.indexOf("\r\n\r\n") >= 0) {
          behaviour.accept(socket);
        }
      });
    });
    server.listen().await();
    return target;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  public int connections() {
    return connections.get();
  }

  @Override
  public void close() {
    server.close().await();
  }
}
