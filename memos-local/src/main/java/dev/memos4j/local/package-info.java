/**
 * The embedded MemOS-compatible memory engine: {@link dev.memos4j.local.LocalMemos} implements
 * {@link dev.memos4j.client.MemosClient} on a Lucene index with in-process embeddings, so applications
 * and tests run with no service and no key. {@link dev.memos4j.local.Embedder} and
 * {@link dev.memos4j.local.MemoryExtractor} are the extension points.
 *
 * <p>All types are non-null by default: parameters and return values are never {@code null}, optional
 * values are {@link java.util.Optional}, collections are empty rather than absent.
 */
package dev.memos4j.local;
