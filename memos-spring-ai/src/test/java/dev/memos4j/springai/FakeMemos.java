package dev.memos4j.springai;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.errors.MemosServerException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory memory service for advisor tests: a search returns every memory of its user with the scores
 * they were given; every add is recorded. {@code addGate}, when set, holds adds until it completes.
 */
final class FakeMemos {

    final Map<String, List<MemoryDetail>> memories = new ConcurrentHashMap<>();
    final List<SearchMemoryRequest> searches = new CopyOnWriteArrayList<>();
    final List<AddMessageRequest> adds = new CopyOnWriteArrayList<>();
    volatile boolean failSearches;
    volatile CompletableFuture<Void> addGate = CompletableFuture.completedFuture(null);
    final MemosClient client = (MemosClient) Proxy.newProxyInstance(
            MemosClient.class.getClassLoader(), new Class<?>[] {MemosClient.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "searchMemory" -> {
                        SearchMemoryRequest request = (SearchMemoryRequest) args[0];
                        searches.add(request);
                        if (failSearches) {
                            return CompletableFuture.failedFuture(
                                    new MemosServerException(503, null, "unavailable", null, null));
                        }
                        return CompletableFuture.supplyAsync(() -> SearchMemoryResponse.of(
                                memories.getOrDefault(request.userId().orElseThrow(), List.of()), List.of()));
                    }
                    case "addMessage" -> {
                        AddMessageRequest request = (AddMessageRequest) args[0];
                        return addGate.thenApply(ignored -> {
                            adds.add(request);
                            return TaskReceipt.of("task-" + adds.size(), TaskStatus.COMPLETED);
                        });
                    }
                    case "close" -> {
                        return null;
                    }
                    case "toString" -> {
                        return "FakeMemos";
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                }
            });

    FakeMemos remember(String userId, String text, double relativity) {
        memories.computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>())
                .add(new MemoryDetail(
                        "m" + text.hashCode(),
                        null,
                        text,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Optional.of(relativity),
                        null,
                        null,
                        null));
        return this;
    }
}
