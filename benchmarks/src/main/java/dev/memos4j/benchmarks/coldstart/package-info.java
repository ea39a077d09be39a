/** The {@code coldstart} command: launch of the home-assistant demo to its first prompt and first answer. */
package dev.memos4j.benchmarks.coldstart;
