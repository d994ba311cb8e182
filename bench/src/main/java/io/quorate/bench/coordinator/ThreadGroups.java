package io.quorate.bench.coordinator;

import io.quorate.bench.support.Result;
import io.quorate.bench.support.ThreadCpu;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a coordinator JVM's CPU went, by kind of thread (names as the kernel shows them, cut to 15
 * characters): Vert.x event loops (the link, ingestion, the pg client and the API all run there), Vert.x
 * worker and internal blocking threads, Hazelcast, the JIT compilers, GC, and the rest.
 */
final class ThreadGroups {
  static final List<String> GROUPS = List.of("eventloop", "worker", "hazelcast", "jit", "gc", "other");

  private ThreadGroups() {
  }

  static String group(String threadName) {
    if (threadName.startsWith("vert.x-eventloo")) {
      return "eventloop";
    }
    if (threadName.startsWith("vert.x-worker") || threadName.startsWith("vert.x-internal")) {
      return "worker";
    }
    if (threadName.startsWith("hz.") || threadName.startsWith("hz-")) {
      return "hazelcast";
    }
    if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
      return "jit";
    }
    if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")) {
      return "gc";
    }
    return "other";
  }

  /** Adds {@code threads_<group>_cores} per group and the busiest event loop's cores. */
  static void describe(ThreadCpu.Sample from, ThreadCpu.Sample to, double seconds, Result into) {
    Map<String, Long> ticks = new LinkedHashMap<>();
    GROUPS.forEach(g -> ticks.put(g, 0L));
    long busiestLoop = 0;
    for (Map.Entry<Integer, ThreadCpu.Thread> entry : to.threads().entrySet()) {
      ThreadCpu.Thread before = from.threads().get(entry.getKey());
      long used = entry.getValue().ticks() - (before == null ? 0 : before.ticks());
      String group = group(entry.getValue().name());
      ticks.merge(group, used, Long::sum);
      if (group.equals("eventloop")) {
        busiestLoop = Math.max(busiestLoop, used);
      }
    }
    boolean known = !to.threads().isEmpty();
    ticks.forEach((group, used) -> into.put("threads_" + group + "_cores", known ? used / 100.0 / seconds : Double.NaN));
    into.put("busiest_eventloop_cores", known ? busiestLoop / 100.0 / seconds : Double.NaN);
  }
}
