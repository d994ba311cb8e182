package io.quorate.coordinator.notify.telegram;

import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.notify.ChannelFields;
import io.quorate.coordinator.notify.ChannelType;
import io.quorate.coordinator.notify.Notifier;
import io.quorate.coordinator.notify.NotifierTools;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Telegram chat through a bot: {@code bot_token} (from BotFather, secret), {@code chat_id} (a number
 * such as {@code -1001234567890}, or {@code @channelname}) and {@code api_url} (default
 * {@code https://api.telegram.org}).
 */
public final class TelegramChannelType implements ChannelType {
  static final String BOT_TOKEN = "bot_token";
  static final String CHAT_ID = "chat_id";
  static final String API_URL = "api_url";
  private static final Pattern TOKEN = Pattern.compile("\\d+:[A-Za-z0-9_-]{20,}");
  private static final Pattern CHAT = Pattern.compile("-?\\d{1,20}|@[A-Za-z0-9_]{4,}");

  @Override
  public String name() {
    return "telegram";
  }

  @Override
  public Set<String> fields() {
    return Set.of(BOT_TOKEN, CHAT_ID, API_URL);
  }

  @Override
  public Set<String> secrets() {
    return Set.of(BOT_TOKEN);
  }

  @Override
  public JsonObject validate(JsonObject config) {
    String token = ChannelFields.requiredString(config, BOT_TOKEN, "the token BotFather gave your bot");
    if (!TOKEN.matcher(token).matches()) {
      // Never echo the value: it is the secret itself.
      throw new ValidationException(BOT_TOKEN, "must look like 123456789:AAE... (the token BotFather gave your bot)");
    }
    return new JsonObject()
        .put(BOT_TOKEN, token)
        .put(CHAT_ID, chatId(config.getValue(CHAT_ID)))
        .put(API_URL, ChannelFields.baseUrl(config, API_URL, "https://api.telegram.org"));
  }

  private static String chatId(Object value) {
    String text = value instanceof Integer || value instanceof Long ? value.toString() : value instanceof String s ? s.strip() : "";
    if (!CHAT.matcher(text).matches()) {
      throw new ValidationException(CHAT_ID, "is required: the chat's number (e.g. -1001234567890) or @channelname");
    }
    return text;
  }

  @Override
  public String defaultName(JsonObject config) {
    return "Telegram " + config.getString(CHAT_ID);
  }

  @Override
  public Notifier notifier(NotifierTools tools) {
    return new TelegramNotifier(tools);
  }
}
