/**
 * The MemOS client API: {@link dev.memos4j.client.MemosClient}, its blocking view, per-call options and
 * streaming handles. Everything in this package is non-null unless a method says otherwise; optional
 * values are {@link java.util.Optional}.
 *
 * <p>Types under {@code dev.memos4j.client.internal} are implementation details and may change in any
 * release. The few that other memos4j modules share are marked {@code @Internal}; applications use the
 * documented counterparts, such as {@link dev.memos4j.client.MemosJson#jsonMapper()} for the wire JSON.
 */
package dev.memos4j.client;
