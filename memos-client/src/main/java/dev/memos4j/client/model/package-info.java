/**
 * Immutable request and response models of the MemOS API. Requests are built with builders that validate
 * in {@code build()}, naming the offending field; responses are records that keep unknown JSON fields in
 * {@code additionalProperties()}. Optional server fields are {@link java.util.Optional}; lists are never
 * null.
 */
package dev.memos4j.client.model;
