/**
 * The condition language: {@code [BODY].enqueued < 1000}, {@code [STATUS] == 200}.
 *
 * <p>{@link io.quorate.condition.Condition#parse(String)} builds a small syntax tree (two
 * {@link io.quorate.condition.Operand}s and an {@link io.quorate.condition.Operator});
 * {@link io.quorate.condition.Conditions#evaluateAll} evaluates a check's conditions on one
 * {@link io.quorate.condition.CheckResponse}. Evaluation fails closed: anything that cannot be measured fails
 * the condition with a reason a person can read.
 */
package io.quorate.condition;
