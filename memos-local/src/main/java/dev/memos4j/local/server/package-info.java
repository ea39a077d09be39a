/**
 * A MemOS-compatible HTTP server in front of any {@link dev.memos4j.client.MemosClient}: the cloud's
 * paths, JSON and envelopes under {@code /api/openmem/v1}, so any MemOS client (this SDK's HTTP client,
 * the official Python client, curl) can talk to a local engine.
 *
 * <p>{@link dev.memos4j.local.server.MemosServer} is the embeddable server;
 * {@link dev.memos4j.local.server.MemosServerMain} is the command line entry point of the runnable jar.
 * Everything else is internal. Non-null by default.
 */
package dev.memos4j.local.server;
