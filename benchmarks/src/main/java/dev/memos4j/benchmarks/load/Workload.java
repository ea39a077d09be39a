package dev.memos4j.benchmarks.load;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The calls of one load run: adds of short notes spread over one user per writer, each note new (its
 * numbers differ, so none is folded into an earlier one as a repeat), and searches of those users.
 */
final class Workload {

    private static final List<String> NOTES = List.of(
            "The plumber comes on day %d at %d o'clock to fix the kitchen tap",
            "I parked the car on level %d, space %d",
            "Tom paid %d euros for the concert tickets in row %d",
            "The gym class moved to room %d, starting at %d pm",
            "Order number %d of the garden chairs ships in %d days",
            "My sister's flight lands at gate %d, terminal %d");
    private static final List<String> QUESTIONS = List.of(
            "When does the plumber come?",
            "Where did I park the car?",
            "How much were the concert tickets?",
            "Which room is the gym class in?",
            "When do the garden chairs arrive?",
            "Where does my sister's flight land?");

    private final MemosClient client;
    private final String run;
    private final int users;
    private final AtomicLong adds = new AtomicLong();
    private final AtomicLong searches = new AtomicLong();
    private final Map<String, LongAdder> acknowledged = new ConcurrentHashMap<>();

    Workload(MemosClient client, String run, int users) {
        this.client = client;
        this.run = run;
        this.users = users;
    }

    private String user(long n) {
        return "load-" + run + "-" + (n % users);
    }

    /** Adds the next note; counts it for its user once acknowledged. */
    CompletableFuture<?> add() {
        long n = adds.getAndIncrement();
        String user = user(n);
        String note = String.format(NOTES.get((int) (n % NOTES.size())), n, n / users);
        AddMessageRequest request = AddMessageRequest.builder()
                .userId(user)
                .conversationId(user + "-notes")
                .addMessage(Message.user(note))
                .build();
        return client.addMessage(request)
                .thenRun(() ->
                        acknowledged.computeIfAbsent(user, u -> new LongAdder()).increment());
    }

    /** Searches one of the writers' users. */
    CompletableFuture<?> search() {
        long n = searches.getAndIncrement();
        return client.searchMemory(SearchMemoryRequest.builder()
                .userId(user(n * 7))
                .query(QUESTIONS.get((int) (n % QUESTIONS.size())))
                .build());
    }

    /** Acknowledged adds per user. */
    Map<String, Long> acknowledgedByUser() {
        Map<String, Long> counts = new TreeMap<>();
        acknowledged.forEach((user, count) -> counts.put(user, count.sum()));
        return counts;
    }

    /** All acknowledged adds. */
    long acknowledged() {
        return acknowledged.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
