/**
 * Internals of the local MemOS-compatible server: routing, request parsing, envelopes, multipart and
 * event-stream encoding. Not part of the public API; may change in any release.
 */
package dev.memos4j.local.server.internal;
