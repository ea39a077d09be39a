package dev.memos4j.assistant;

import dev.memos4j.client.MemosClient;
import java.time.Instant;

/** Opens the package-private fake to tests in other packages. */
public final class FakeMemosClients {

    private FakeMemosClients() {}

    /** A fake memory service holding one memory for one user. */
    public static MemosClient withMemory(String userId, String text, Instant time) {
        return new FakeMemosClient().remember(userId, text, time);
    }
}
