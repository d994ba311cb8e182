package io.quorate.coordinator.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The OpenAPI document of the REST API, as JSON bytes with their ETag. It is written by hand in YAML
 * ({@value #RESOURCE}, easier to read and review than JSON) and checked against the mounted routes and the real
 * endpoints by {@code OpenApiDocumentTest}.
 */
public record OpenApiDocument(Buffer json, String etag) {
  public static final String RESOURCE = "openapi/quorate.yaml";

  /** Reads and converts the document once, on a worker thread: it is a classpath read. */
  public static Future<OpenApiDocument> load(Vertx vertx) {
    return vertx.executeBlocking(OpenApiDocument::read);
  }

  static OpenApiDocument read() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      Object tree = yaml().load(in);
      if (!(tree instanceof Map<?, ?> map)) {
        throw new IllegalStateException(RESOURCE + " is not a YAML mapping");
      }
      byte[] bytes = toJson(map).encode().getBytes(StandardCharsets.UTF_8);
      return new OpenApiDocument(Buffer.buffer(bytes), "\"" + sha256(bytes).substring(0, 32) + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Plain YAML: no timestamps or other types JSON lacks, so an example date stays the string written. */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
        new JsonTypesResolver());
  }

  private static JsonObject toJson(Map<?, ?> map) {
    JsonObject object = new JsonObject();
    map.forEach((key, value) -> object.put(String.valueOf(key), toJsonValue(value)));
    return object;
  }

  private static Object toJsonValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return toJson(map);
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(item -> array.add(toJsonValue(item)));
      return array;
    }
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    throw new IllegalStateException(RESOURCE + ": a value JSON cannot hold: " + value.getClass().getSimpleName());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * JSON's types only: decimal numbers, true/false and null (and merge keys). YAML 1.1 would also read timestamps, {@code 09:00} as
   * a base-60 number and yes/no/on/off as booleans, which would change what an example or enum says.
   */
  private static final class JsonTypesResolver extends Resolver {
    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|false)$");
    private static final Pattern WHOLE = Pattern.compile("^-?(?:0|[1-9][0-9]*)$");
    private static final Pattern DECIMAL = Pattern.compile("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOLEAN, "tf");
      addImplicitResolver(Tag.INT, WHOLE, "-0123456789");
      addImplicitResolver(Tag.FLOAT, DECIMAL, "-0123456789");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
      addImplicitResolver(Tag.MERGE, MERGE, "<"); // "<<: *ping" shares the ping operations' answers
    }
  }
}
