package io.quorate.bench.coordinator;

import io.quorate.bench.support.Result;
import java.util.List;

/**
 * Everything measured in one step, as the child JVMs reported it.
 *
 * @param fixtures        how the monitors were made ({@code via}, {@code seconds}, {@code api_per_s})
 * @param throughput      one per window at the offered rate: the load JVM's figures, the coordinator JVM's
 *                        prefixed {@code c_}
 * @param incidents       one per incident load: the sample's figures, with the window measured just before
 *                        it at that load ({@code w_} load, {@code wc_} coordinator) and {@code percent}
 * @param size            PostgreSQL sizes and counts after the load
 * @param baseline        plain-client windows, one row per transaction
 * @param batched         plain-client windows, {@code rows_per_tx} rows per transaction (may be empty)
 */
record StepResults(int monitors, Result fixtures, List<Result> throughput, List<Result> incidents, Result size,
    List<Result> baseline, List<Result> batched) {
}
