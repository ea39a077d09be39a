package dev.memos4j.local;

import static dev.memos4j.local.Notes.note;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Reads never wait behind writes, and adds that wait together are written together: the ingest is held
 * inside the embedder (no timing involved) while the test looks at what completes.
 */
class SearchesFirstTest {

    @Test
    void aSearchCompletesWhileTheIngestIsBusy() throws Exception {
        HoldingEmbedder embedder = new HoldingEmbedder();
        try (LocalMemos memos =
                LocalMemos.builder().inMemory().embedder(embedder).build()) {
            memos.addMessage(note("u1", "The boiler was serviced in March")).get(30, TimeUnit.SECONDS);
            List<CompletableFuture<TaskReceipt>> adds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                adds.add(memos.addMessage(note("u1", "HOLD note " + i + " about the garage door")));
            }
            embedder.awaitHeld();

            SearchMemoryResponse found = memos.searchMemory(SearchMemoryRequest.builder()
                            .userId("u1")
                            .query("When was the boiler serviced?")
                            .build())
                    .get(30, TimeUnit.SECONDS);

            assertThat(found.memoryDetailList())
                    .extracting(m -> m.memoryValue())
                    .contains("The boiler was serviced in March");
            assertThat(adds).noneMatch(CompletableFuture::isDone);
            embedder.release();
            CompletableFuture.allOf(adds.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void addsThatWaitTogetherAreEmbeddedInOneCallAndIdenticalOnesMakeOneMemory() throws Exception {
        HoldingEmbedder embedder = new HoldingEmbedder();
        try (LocalMemos memos =
                LocalMemos.builder().inMemory().embedder(embedder).build()) {
            CompletableFuture<TaskReceipt> holding = memos.addMessage(note("other", "HOLD the ingest"));
            embedder.awaitHeld();
            List<CompletableFuture<TaskReceipt>> adds = new ArrayList<>();
            adds.add(memos.addMessage(note("twins", "Our car is parked on level 3")));
            adds.add(memos.addMessage(note("twins", "Our car is parked on level 3")));
            adds.add(memos.addMessage(note("u2", "The dentist appointment is on the 14th")));
            embedder.release();
            holding.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<TaskReceipt> add : adds) {
                add.get(30, TimeUnit.SECONDS);
            }

            List<String> lastCall = embedder.calls().get(embedder.calls().size() - 1);
            assertThat(lastCall)
                    .as("one model call for the three adds, the repeated text embedded once")
                    .containsExactlyInAnyOrder(
                            "Our car is parked on level 3", "The dentist appointment is on the 14th");
            assertThat(memos.getMemory(
                                    GetMemoryRequest.builder().userId("twins").build())
                            .get(30, TimeUnit.SECONDS)
                            .memoryDetailList())
                    .extracting(m -> m.memoryValue())
                    .containsExactly("Our car is parked on level 3");
        }
    }
}
