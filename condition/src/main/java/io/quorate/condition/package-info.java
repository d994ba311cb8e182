/**
 * The condition language: {@code [STATUS] == 200}, {@code [BODY].sidekiq.enqueued < 1000},
 * {@code [METRIC].sidekiq_queue_latency{queue="critical"} < 30}, {@code len([BODY].jobs) > 0},
 * {@code [BODY].status == any(ok, healthy)}.
 *
 * <p>{@link io.quorate.condition.Condition#parse(String)} builds a small syntax tree (two
 * {@link io.quorate.condition.Operand}s and an {@link io.quorate.condition.Operator}) and refuses invalid text
 * with a {@link io.quorate.condition.ConditionSyntaxException}; {@link io.quorate.condition.Series#parse} does the
 * same for the named values a monitor charts. {@link io.quorate.condition.Conditions#evaluate} evaluates a check's
 * conditions and series on one {@link io.quorate.condition.CheckResponse}, parsing the body at most once per
 * format. Evaluation fails closed: anything that cannot be measured fails the condition with a reason a person
 * can read and a {@link io.quorate.condition.ConditionResult.Failure} kind a program can act on.
 */
package io.quorate.condition;
