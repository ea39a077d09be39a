package dev.memos4j.assistant.docs;

import dev.memos4j.client.MemosClient;
import dev.memos4j.testkit.FakeMemosClient;
import java.time.Instant;

/** Gives the doc samples a memory service without a network. */
final class DocFixtures {

    private DocFixtures() {}

    static MemosClient memosWithZooMemory() {
        FakeMemosClient memos = new FakeMemosClient();
        memos.remember("user-123", "Take the kids to the zoo on Saturday", Instant.parse("2026-11-22T10:00:00Z"));
        return memos;
    }
}
