package io.quorate.bench.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.bench.support.Result;
import io.quorate.bench.support.ThreadCpu;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreadGroupsTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({
      "vert.x-eventloo, eventloop",
      "vert.x-worker-t, worker",
      "vert.x-internal, worker",
      "hz.coordinator-, hazelcast",
      "C2 CompilerThre, jit",
      "C1 CompilerThre, jit",
      "GC Thread#0, gc",
      "G1 Conc#0, gc",
      "VM Thread, gc",
      "java, other",
      "output-coordina, other",
  })
  void threadsAreGroupedByTheirKernelNames(String name, String group) {
    assertEquals(group, ThreadGroups.group(name));
  }

  @Test
  void eachGroupGetsItsThreadsTicksAsCoresAndTheBusiestLoopIsNamed() {
    ThreadCpu.Sample from = new ThreadCpu.Sample(Map.of(1, new ThreadCpu.Thread("vert.x-eventloo", 100),
        2, new ThreadCpu.Thread("vert.x-eventloo", 0)));
    ThreadCpu.Sample to = new ThreadCpu.Sample(Map.of(1, new ThreadCpu.Thread("vert.x-eventloo", 400),
        2, new ThreadCpu.Thread("vert.x-eventloo", 100), 3, new ThreadCpu.Thread("C2 CompilerThre", 50)));
    Result result = new Result();
    ThreadGroups.describe(from, to, 10, result);
    assertEquals(0.4, result.number("threads_eventloop_cores"), 1e-9);
    assertEquals(0.3, result.number("busiest_eventloop_cores"), 1e-9);
    assertEquals(0.05, result.number("threads_jit_cores"), 1e-9);
    assertEquals(0.0, result.number("threads_gc_cores"), 1e-9);
  }
}
