/**
 * Spring AI integration: {@link dev.memos4j.springai.MemosMemoryAdvisor}, a {@code ChatClient} advisor that
 * recalls a user's MemOS memories into the prompt and stores each finished exchange.
 */
package dev.memos4j.springai;
