/**
 * Test doubles for applications built on memos4j, for test scope: {@link dev.memos4j.testkit.FakeMemosClient}
 * (a {@code MemosClient} with an in-memory store, scripts and injected failures) and
 * {@link dev.memos4j.testkit.CapturingLogProvider} (an slf4j binding that keeps every line). Values are
 * non-null unless documented otherwise.
 */
package dev.memos4j.testkit;
