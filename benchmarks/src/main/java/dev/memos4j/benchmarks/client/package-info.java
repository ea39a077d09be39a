/** The {@code client} command: the HTTP client's overhead against raw {@code java.net.http} on loopback. */
package dev.memos4j.benchmarks.client;
