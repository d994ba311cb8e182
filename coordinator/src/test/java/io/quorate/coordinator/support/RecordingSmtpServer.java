package io.quorate.coordinator.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on loopback that speaks just enough SMTP for a mail client (EHLO/HELO, AUTH PLAIN and
 * LOGIN, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT), records every accepted message, and answers the
 * replies a test scripts (a 451 "try again later", a 550 "no such user").
 */
public final class RecordingSmtpServer implements AutoCloseable {
  /** One message as received; {@code login} is "user:password" when the client authenticated. */
  public record Mail(String login, String from, List<String> to, String data) {
    public String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      for (String line : headerBlock().split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          return line.substring(prefix.length()).strip();
        }
      }
      return null;
    }

    /** The body, quoted-printable or base64 decoded as its Content-Transfer-Encoding says. */
    public String text() {
      String body = data.substring(data.indexOf("\r\n\r\n") + 4);
      String encoding = String.valueOf(header("Content-Transfer-Encoding")).toLowerCase(Locale.ROOT);
      if (encoding.equals("quoted-printable")) {
        return quotedPrintable(body);
      }
      if (encoding.equals("base64")) {
        return new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
      }
      return body;
    }

    private String headerBlock() {
      return data.substring(0, data.indexOf("\r\n\r\n")).replace("\r\n ", " ").replace("\r\n\t", " ");
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final NetServer server;
  private final List<Mail> mails = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<String> dataReplies = new ConcurrentLinkedQueue<>();
  private volatile String recipientReply = "250 2.1.5 ok";
  private volatile String password;

  public RecordingSmtpServer() {
    server = vertx.createNetServer().connectHandler(Session::new).listen(0, "127.0.0.1").await();
  }

  public int port() {
    return server.actualPort();
  }

  /** Requires AUTH with this password (any user name) before MAIL FROM. */
  public void requirePassword(String password) {
    this.password = password;
  }

  /** Answers the next {@code times} messages' end of DATA with {@code reply}, e.g. "451 4.3.0 try again later". */
  public void replyToNextData(int times, String reply) {
    for (int i = 0; i < times; i++) {
      dataReplies.add(reply);
    }
  }

  /** Answers every RCPT TO with {@code reply} from now on, e.g. "550 5.1.1 no such user". */
  public void replyToRecipients(String reply) {
    recipientReply = reply;
  }

  public List<Mail> mails() {
    return List.copyOf(mails);
  }

  /** One client connection: a line-based state machine. */
  private final class Session {
    private final NetSocket socket;
    private String login;
    private String pendingAuth;
    private String user;
    private String from;
    private final List<String> to = new ArrayList<>();
    private ByteArrayOutputStream data;

    Session(NetSocket socket) {
      this.socket = socket;
      RecordParser.newDelimited("\r\n", socket).handler(this::line);
      reply("220 recording-smtp ESMTP ready");
    }

    private void line(Buffer buffer) {
      String line = buffer.toString(StandardCharsets.UTF_8);
      if (data != null) {
        dataLine(line);
      } else if (pendingAuth != null) {
        authStep(line);
      } else {
        command(line);
      }
    }

    private void command(String line) {
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO" -> reply("250-recording-smtp\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
        case "HELO", "NOOP" -> reply("250 ok");
        case "AUTH" -> auth(line.split(" "));
        case "MAIL" -> {
          if (password != null && login == null) {
            reply("530 5.7.0 authentication required");
            return;
          }
          from = address(line);
          to.clear();
          reply("250 2.1.0 ok");
        }
        case "RCPT" -> {
          if (recipientReply.startsWith("250")) {
            to.add(address(line));
          }
          reply(recipientReply);
        }
        case "DATA" -> {
          data = new ByteArrayOutputStream();
          reply("354 end data with <CR><LF>.<CR><LF>");
        }
        case "RSET" -> {
          from = null;
          to.clear();
          reply("250 ok");
        }
        case "QUIT" -> socket.write("221 bye\r\n").onComplete(done -> socket.close());
        default -> reply("502 5.5.1 command not implemented");
      }
    }

    private void auth(String[] words) {
      String mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
      if (mechanism.equals("PLAIN") && words.length > 2) {
        checkPlain(words[2]);
      } else if (mechanism.equals("PLAIN")) {
        pendingAuth = "plain";
        reply("334 ");
      } else if (mechanism.equals("LOGIN")) {
        pendingAuth = "login-user";
        reply("334 " + base64("Username:"));
      } else {
        reply("504 5.5.4 mechanism not supported");
      }
    }

    private void authStep(String line) {
      String step = pendingAuth;
      pendingAuth = null;
      switch (step) {
        case "plain" -> checkPlain(line);
        case "login-user" -> {
          user = decode(line);
          pendingAuth = "login-password";
          reply("334 " + base64("Password:"));
        }
        default -> check(user, decode(line));
      }
    }

    private void checkPlain(String encoded) {
      String[] parts = decode(encoded).split("\0", -1);
      check(parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
    }

    private void check(String name, String secret) {
      if (password != null && !password.equals(secret)) {
        reply("535 5.7.8 authentication credentials invalid");
        return;
      }
      login = name + ":" + secret;
      reply("235 2.7.0 authentication successful");
    }

    private void dataLine(String line) {
      if (line.equals(".")) {
        String text = data.toString(StandardCharsets.UTF_8);
        data = null;
        String answer = dataReplies.poll();
        if (answer == null) {
          mails.add(new Mail(login, from, List.copyOf(to), text));
          answer = "250 2.0.0 queued";
        }
        reply(answer);
        return;
      }
      String unstuffed = line.startsWith("..") ? line.substring(1) : line;
      data.writeBytes((unstuffed + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private void reply(String text) {
      socket.write(text + "\r\n");
    }
  }

  private static String address(String line) {
    int open = line.indexOf('<');
    int close = line.indexOf('>');
    return open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).strip();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String encoded) {
    return new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
  }

  private static String quotedPrintable(String body) {
    String joined = body.replace("=\r\n", "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '=' && i + 2 < joined.length()) {
        bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
