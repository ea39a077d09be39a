package dev.memos4j.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.local.LocalMemos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LocalMemos#compact()} leaves one segment, the same search results, and every record after a reopen. */
class CompactTest {

    @TempDir
    Path dir;

    private static final List<String> NOTES = List.of(
            "Take the kids to the zoo on Saturday",
            "Dentist appointment on Tuesday at nine",
            "Grandma visits for dinner on Sunday",
            "The car needs new tyres before winter",
            "Pay the electricity bill by the fifth",
            "Swimming lessons for Mia on Thursday",
            "Buy oat milk and bananas",
            "Parents evening at school on Wednesday");

    @Test
    void mergesIntoOneSegmentAndSearchesAlike() throws Exception {
        IndexFormatUpgradeTest.WordCounts embedder = new IndexFormatUpgradeTest.WordCounts();
        List<String> before;
        try (LocalMemos memos =
                LocalMemos.builder().dataDirectory(dir).embedder(embedder).build()) {
            for (String note : NOTES) { // one commit, so one new segment, each
                add(memos, "c1", note).join();
            }
            before = ranked(memos, "What is planned for the weekend with the kids?");

            memos.compact().join();

            assertThat(committedSegments()).isEqualTo(1);
            assertThat(ranked(memos, "What is planned for the weekend with the kids?"))
                    .isEqualTo(before);
            add(memos, "c2", "Book the campsite for the holidays").join();
        }
        try (LocalMemos reopened =
                LocalMemos.builder().dataDirectory(dir).embedder(embedder).build()) {
            assertThat(ranked(reopened, "What is planned for the weekend with the kids?"))
                    .startsWith(before.get(0));
            assertThat(ranked(reopened, "campsite holidays")).first().asString().contains("campsite");
        }
        assertThat(before.get(0)).contains("zoo");
    }

    @Test
    void addsDuringACompactionAreAllKept() {
        IndexFormatUpgradeTest.WordCounts embedder = new IndexFormatUpgradeTest.WordCounts();
        try (LocalMemos memos =
                LocalMemos.builder().dataDirectory(dir).embedder(embedder).build()) {
            for (int i = 0; i < 20; i++) {
                add(memos, "c" + i, "Seed note " + i + ": " + NOTES.get(i % NOTES.size()));
            }
            CompletableFuture<Void> compaction = memos.compact();
            List<CompletableFuture<?>> adds = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                adds.add(add(memos, "d" + i, "Note " + i + " written while compacting"));
            }
            CompletableFuture.allOf(adds.toArray(new CompletableFuture<?>[0])).join();
            compaction.join();

            assertThat(memos.getMemory(GetMemoryRequest.builder()
                                    .userId("u1")
                                    .size(50)
                                    .build())
                            .join()
                            .total())
                    .isEqualTo(60);
        }
    }

    private static CompletableFuture<?> add(LocalMemos memos, String conversation, String text) {
        return memos.addMessage(AddMessageRequest.builder()
                .userId("u1")
                .conversationId(conversation)
                .addMessage(Message.user(text))
                .build());
    }

    private static List<String> ranked(LocalMemos memos, String query) {
        return memos
                .searchMemory(SearchMemoryRequest.builder()
                        .userId("u1")
                        .query(query)
                        .memoryLimitNumber(20)
                        .build())
                .join()
                .memories()
                .stream()
                .map(MemoryDetail::memoryValue)
                .toList();
    }

    private int committedSegments() throws Exception {
        try (FSDirectory directory = FSDirectory.open(dir)) {
            return SegmentInfos.readLatestCommit(directory).size();
        }
    }
}
