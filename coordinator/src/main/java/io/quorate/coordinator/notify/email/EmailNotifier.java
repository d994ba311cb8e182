package io.quorate.coordinator.notify.email;

import io.quorate.coordinator.notify.Alert;
import io.quorate.coordinator.notify.Channel;
import io.quorate.coordinator.notify.DeliveryFailure;
import io.quorate.coordinator.notify.Notifier;
import io.quorate.coordinator.notify.NotifierTools;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends the alert as a plain-text email. A client per send, closed after it: alerts are rare, and each
 * channel has its own server and credentials. SMTP 5xx answers (unknown recipient, bad credentials) are
 * permanent; 4xx answers, timeouts and connection errors are retried.
 */
final class EmailNotifier implements Notifier {
  private static final Map<String, StartTLSOptions> STARTTLS = Map.of("none", StartTLSOptions.DISABLED,
      "optional", StartTLSOptions.OPTIONAL, "required", StartTLSOptions.REQUIRED);
  private final NotifierTools tools;

  EmailNotifier(NotifierTools tools) {
    this.tools = tools;
  }

  @Override
  public Future<String> send(Channel channel, String deliveryId, JsonObject payload) {
    JsonObject config = channel.config();
    MailClient client = MailClient.create(tools.vertx(), mailConfig(config));
    return client.sendMail(EmailMessage.of(Alert.of(payload), config, deliveryId))
        .timeout(tools.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .map(result -> "SMTP server " + config.getString(EmailChannelType.HOST) + " accepted the message for "
            + String.join(", ", result.getRecipients()))
        .recover(error -> Future.failedFuture(failure(error)))
        .eventually(client::close);
  }

  private MailConfig mailConfig(JsonObject config) {
    MailConfig mail = new MailConfig()
        .setHostname(config.getString(EmailChannelType.HOST))
        .setPort(config.getInteger(EmailChannelType.PORT))
        .setStarttls(STARTTLS.get(config.getString(EmailChannelType.STARTTLS)))
        .setKeepAlive(false)
        .setConnectTimeout((int) tools.timeout().toMillis());
    String username = config.getString(EmailChannelType.USERNAME);
    if (username == null) {
      return mail.setLogin(LoginOption.DISABLED);
    }
    return mail.setLogin(LoginOption.REQUIRED).setUsername(username).setPassword(config.getString(EmailChannelType.PASSWORD));
  }

  private DeliveryFailure failure(Throwable error) {
    if (error instanceof SMTPException smtp) {
      return new DeliveryFailure("SMTP server answered " + smtp.getReplyCode() + " " + String.join(" ",
          smtp.getReplyMessages() == null ? List.of() : smtp.getReplyMessages()).strip(), smtp.isPermanent());
    }
    return DeliveryFailure.unreachable(error, tools.timeout());
  }
}
