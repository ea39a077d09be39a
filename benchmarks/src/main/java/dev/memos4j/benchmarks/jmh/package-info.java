/** JMH microbenchmarks of the hot paths, run by the {@code jmh} command. */
package dev.memos4j.benchmarks.jmh;
