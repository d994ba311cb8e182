package io.quorate.coordinator.notify.email;

import io.quorate.coordinator.notify.Alert;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailMessage;

/** An alert as an email: the title as subject ("[Quorate] DOWN: Nightly export"), the plain text as body. */
final class EmailMessage {
  private EmailMessage() {}

  static MailMessage of(Alert alert, JsonObject config, String deliveryId) {
    return new MailMessage()
        .setFrom(config.getString(EmailChannelType.FROM))
        .setTo(config.getJsonArray(EmailChannelType.TO).getList())
        .setSubject("[Quorate] " + alert.title())
        .setText(alert.plainText() + "\n\n-- \nSent by Quorate, delivery " + deliveryId)
        .addHeader("X-Quorate-Delivery", deliveryId);
  }
}
