package io.quorate.coordinator.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after {@code perAccount} failed sign-ins for one username from one address, or
 * {@code perAddress} from one address for any usernames, within {@code window}, further attempts are refused
 * until the oldest failure leaves the window. Kept in memory per coordinator node: a cluster of N nodes
 * allows N times the attempts, which still makes guessing a password of {@value PasswordHasher#MIN_LENGTH}
 * or more characters hopeless.
 */
public final class LoginThrottle {
  private static final int MAX_TRACKED = 100_000;
  private final Clock clock;
  private final Duration window;
  private final int perAccount;
  private final int perAddress;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  public LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
    this.clock = clock;
    this.window = window;
    this.perAccount = perAccount;
    this.perAddress = perAddress;
  }

  public static LoginThrottle standard(Clock clock) {
    return new LoginThrottle(clock, Duration.ofMinutes(15), 5, 30);
  }

  /** @return how long to wait before trying again, or empty when an attempt may be made now */
  public synchronized Optional<Duration> retryAfter(String username, String address) {
    Instant now = clock.instant();
    Optional<Duration> account = blocked(accountKey(username, address), perAccount, now);
    return account.isPresent() ? account : blocked(addressKey(address), perAddress, now);
  }

  public synchronized void failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_TRACKED) {
      forgetOld(now);
    }
    failures.computeIfAbsent(accountKey(username, address), key -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent(addressKey(address), key -> new ArrayDeque<>()).addLast(now);
  }

  /** A successful sign-in clears that account's failures from that address (not the address's total). */
  public synchronized void succeeded(String username, String address) {
    failures.remove(accountKey(username, address));
  }

  private Optional<Duration> blocked(String key, int limit, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.removeFirst();
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return Optional.empty();
    }
    return times.size() < limit ? Optional.empty() : Optional.of(Duration.between(now, times.peekFirst().plus(window)));
  }

  private void forgetOld(Instant now) {
    for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
      Deque<Instant> times = it.next();
      if (times.isEmpty() || !times.peekLast().plus(window).isAfter(now)) {
        it.remove();
      }
    }
    if (failures.size() >= MAX_TRACKED) {
      failures.clear(); // a flood from many addresses: start over rather than grow without bound
    }
  }

  private static String accountKey(String username, String address) {
    return "u:" + username + "|" + address;
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }
}
