/** The {@code facade} command: what {@code MemoryAugmentedChat} itself costs per turn. */
package dev.memos4j.benchmarks.facade;
