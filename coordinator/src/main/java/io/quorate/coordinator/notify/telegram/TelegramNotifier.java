package io.quorate.coordinator.notify.telegram;

import io.quorate.coordinator.notify.Alert;
import io.quorate.coordinator.notify.Channel;
import io.quorate.coordinator.notify.HttpDelivery;
import io.quorate.coordinator.notify.Notifier;
import io.quorate.coordinator.notify.NotifierTools;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * {@code POST <api_url>/bot<token>/sendMessage} with the alert as plain text (no parse mode, so nothing in
 * a monitor name needs escaping). 400/401/403/404 (unknown chat, revoked token, bot removed) are permanent;
 * 429 and 5xx are retried.
 */
final class TelegramNotifier implements Notifier {
  /** Telegram's limit for one message. */
  private static final int MESSAGE_CHARS = 4096;
  private final NotifierTools tools;

  TelegramNotifier(NotifierTools tools) {
    this.tools = tools;
  }

  @Override
  public Future<String> send(Channel channel, String deliveryId, JsonObject payload) {
    JsonObject config = channel.config();
    JsonObject message = new JsonObject()
        .put("chat_id", config.getString(TelegramChannelType.CHAT_ID))
        .put("text", Alert.shorten(Alert.of(payload).plainText(), MESSAGE_CHARS))
        .put("disable_web_page_preview", true);
    String url = config.getString(TelegramChannelType.API_URL) + "/bot" + config.getString(TelegramChannelType.BOT_TOKEN)
        + "/sendMessage";
    return HttpDelivery.post(tools, url, MultiMap.caseInsensitiveMultiMap(), message.toBuffer());
  }
}
