package io.quorate.coordinator.notify.webhook;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Quorate-Signature: sha256=<hex>}: HMAC-SHA256, keyed with the channel secret's UTF-8 bytes, over
 * {@code <X-Quorate-Timestamp>.<exact body bytes>}. Signing the timestamp with the body lets a receiver
 * refuse an old request replayed by someone who captured it.
 */
public final class WebhookSignature {
  public static final String SIGNATURE_HEADER = "X-Quorate-Signature";
  public static final String TIMESTAMP_HEADER = "X-Quorate-Timestamp";

  private WebhookSignature() {}

  /** @param epochSeconds the value sent in {@link #TIMESTAMP_HEADER} */
  public static String of(String secret, long epochSeconds, Buffer body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes()));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
