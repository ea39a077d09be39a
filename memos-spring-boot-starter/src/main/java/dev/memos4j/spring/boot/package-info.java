/**
 * Spring Boot auto-configuration for memos4j: a {@link dev.memos4j.client.MemosClient} from {@code memos.*}
 * properties (MemOS cloud with a key, the embedded engine without one) and the Spring AI memory advisor.
 */
package dev.memos4j.spring.boot;
