package io.quorate.coordinator.notify;

import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.Responses;
import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/v1/channels}: where incident notifications go. */
public final class ChannelRoutes {
  private static final Logger log = LoggerFactory.getLogger(ChannelRoutes.class);
  private static final Set<String> FIELDS = Set.of("type", "url", "name");
  private final ChannelStore channels;

  public ChannelRoutes(ChannelStore channels) {
    this.channels = channels;
  }

  public void mount(Router api) {
    api.post("/channels").handler(this::create);
    api.get("/channels").handler(this::list);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = ApiRouter.jsonBody(ctx);
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw new ValidationException(field, "is not a field of a channel");
      }
    }
    if (!"webhook".equals(body.getValue("type"))) {
      throw new ValidationException("type", "must be \"webhook\"");
    }
    String url = webhookUrl(body.getValue("url"));
    Object name = body.getValue("name", url);
    if (!(name instanceof String text) || text.isBlank() || text.length() > 200) {
      throw new ValidationException("name", "must be a string of 1 to 200 characters");
    }
    channels.create("webhook", text, new JsonObject().put("url", url))
        .onSuccess(channel -> {
          log.info("channel created channel={} type={} name=\"{}\"", channel.id(), channel.type(), channel.name());
          Responses.json(ctx, 201, toJson(channel));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void list(RoutingContext ctx) {
    channels.list()
        .onSuccess(list -> {
          JsonArray out = new JsonArray();
          list.forEach(c -> out.add(toJson(c)));
          Responses.json(ctx, 200, new JsonObject().put("channels", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private static String webhookUrl(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new ValidationException("url", "is required: the URL notifications are POSTed to");
    }
    try {
      URI uri = new URI(text.trim());
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (!web || uri.getHost() == null) {
        throw new ValidationException("url", "must be an absolute http:// or https:// URL");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw new ValidationException("url", "is not a valid URL: " + e.getReason());
    }
  }

  private static JsonObject toJson(Channel channel) {
    return new JsonObject()
        .put("id", channel.id().toString())
        .put("type", channel.type())
        .put("name", channel.name())
        .put("url", channel.config().getString("url"))
        .put("created_at", channel.createdAt().toString());
  }
}
