/**
 * The unchecked exception tree of memos4j. {@link dev.memos4j.client.errors.MemosException} is the root;
 * {@link dev.memos4j.client.errors.MemosServiceException} and its subclasses describe a failure reported
 * by the service (HTTP status, envelope code, message, request id, capped raw body).
 */
package dev.memos4j.client.errors;
