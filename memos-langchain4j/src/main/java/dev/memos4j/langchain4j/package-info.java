/**
 * LangChain4j integration: {@link dev.memos4j.langchain4j.MemosContentRetriever} recalls a user's MemOS
 * memories for retrieval augmentation, {@link dev.memos4j.langchain4j.MemosChatMemoryStore} keeps chat
 * memory in MemOS messages, and {@link dev.memos4j.langchain4j.MemosWriteBack} stores each finished AI
 * service turn.
 */
package dev.memos4j.langchain4j;
