/** What every benchmark command shares: argument parsing, latency summaries, canned payloads, machine facts. */
package dev.memos4j.benchmarks.support;
