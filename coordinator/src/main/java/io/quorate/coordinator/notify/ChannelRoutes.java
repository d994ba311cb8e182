package io.quorate.coordinator.notify;

import io.quorate.coordinator.api.ApiRouter;
import io.quorate.coordinator.api.Ids;
import io.quorate.coordinator.api.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/v1/channels}: where incident notifications go, and a test alert through each. */
public final class ChannelRoutes {
  private static final Logger log = LoggerFactory.getLogger(ChannelRoutes.class);
  private final ChannelStore channels;
  private final ChannelTypes types;
  private final ChannelRequests requests;
  private final ChannelTester tester;

  public ChannelRoutes(ChannelStore channels, ChannelTypes types, ChannelHealth health) {
    this.channels = channels;
    this.types = types;
    this.requests = new ChannelRequests(types);
    this.tester = new ChannelTester(types, health);
  }

  public void mount(Router api) {
    api.post("/channels").handler(this::create);
    api.get("/channels").handler(this::list);
    api.get("/channels/:id").handler(this::get);
    api.patch("/channels/:id").handler(this::update);
    api.delete("/channels/:id").handler(this::delete);
    api.post("/channels/:id/test").handler(this::test);
  }

  private void create(RoutingContext ctx) {
    ChannelRequests.NewChannel draft = requests.create(ApiRouter.jsonBody(ctx));
    channels.create(draft.type().name(), draft.name(), draft.config())
        .onSuccess(channel -> {
          log.info("channel created channel={} type={} name=\"{}\"", channel.id(), channel.type(), channel.name());
          Responses.json(ctx, 201, toJson(channel).mergeIn(draft.shownOnce()));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void list(RoutingContext ctx) {
    channels.list()
        .onSuccess(list -> {
          JsonArray out = new JsonArray();
          list.forEach(channel -> out.add(toJson(channel)));
          Responses.json(ctx, 200, new JsonObject().put("channels", out));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void get(RoutingContext ctx) {
    channels.get(id(ctx))
        .onSuccess(channel -> Responses.json(ctx, 200, toJson(channel)))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void update(RoutingContext ctx) {
    JsonObject body = ApiRouter.jsonBody(ctx);
    channels.update(id(ctx), current -> requests.update(current, body))
        .onSuccess(channel -> {
          log.info("channel updated channel={} type={} name=\"{}\" fields={}", channel.id(), channel.type(), channel.name(),
              body.fieldNames());
          Responses.json(ctx, 200, toJson(channel));
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void delete(RoutingContext ctx) {
    UUID id = id(ctx);
    channels.delete(id)
        .onSuccess(deleted -> {
          log.info("channel deleted channel={}", id);
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private void test(RoutingContext ctx) {
    channels.get(id(ctx))
        .compose(tester::test)
        .onSuccess(answer -> Responses.json(ctx, 200, answer))
        .onFailure(error -> Responses.failure(ctx, error));
  }

  private JsonObject toJson(Channel channel) {
    return ChannelJson.toJson(channel, types.find(channel.type()));
  }

  private static UUID id(RoutingContext ctx) {
    return Ids.parse(ctx.pathParam("id"), "channel");
  }
}
