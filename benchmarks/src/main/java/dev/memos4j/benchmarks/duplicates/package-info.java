/** The near-duplicate threshold of the local engine's ingest, measured on labelled pairs. */
package dev.memos4j.benchmarks.duplicates;
