/** The {@code scale} command: the local engine's ingest rate, search latency, index size and heap at 1k to 100k memories. */
package dev.memos4j.benchmarks.scale;
