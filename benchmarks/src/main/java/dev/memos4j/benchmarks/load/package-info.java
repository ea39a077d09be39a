/** The {@code load} command: the local server's ingest rate and search latency under concurrent writers and searchers. */
package dev.memos4j.benchmarks.load;
