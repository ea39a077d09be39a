package dev.memos4j.local.internal;

import static dev.memos4j.local.Notes.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.HoldingEmbedder;
import dev.memos4j.local.IngestMode;
import dev.memos4j.local.RetrievalMode;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Adds share commits: each is acknowledged only once the commit that holds it is done, one refused add
 * does not fail the others of its commit, and a failed commit fails every add it held.
 */
class GroupCommitTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A directory whose fsync waits, once armed, until the test lets it go on. */
    static final class HeldSync extends FilterDirectory {
        volatile boolean armed;
        final CountDownLatch syncing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldSync(Directory in) {
            super(in);
        }

        @Override
        public void sync(Collection<String> names) throws IOException {
            if (armed) {
                syncing.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            super.sync(names);
        }
    }

    private LocalEngine engine(Directory directory, Embedder embedder) throws IOException {
        return new LocalEngine(
                MemoryIndex.on(directory, embedder.name()),
                embedder,
                null,
                Clock.systemUTC(),
                executor,
                RetrievalMode.HYBRID,
                IngestMode.DISTINCT_FACTS);
    }

    private static int memories(LocalEngine engine, String user) {
        return engine.getMemory(GetMemoryRequest.builder().userId(user).build())
                .memoryDetailList()
                .size();
    }

    @Test
    void anAddIsAcknowledgedOnlyOnceItsCommitIsDone() throws Exception {
        HeldSync directory = new HeldSync(new ByteBuffersDirectory());
        try (LocalEngine engine = engine(directory, Embedder.none())) {
            directory.armed = true;
            CompletableFuture<TaskReceipt> added = engine.addMessage(note("u1", "The spare key is under the blue pot"));
            assertThat(directory.syncing.await(60, TimeUnit.SECONDS)).isTrue();

            assertThat(added).as("acknowledged before its commit was durable").isNotDone();

            directory.release.countDown();
            added.get(30, TimeUnit.SECONDS);
            assertThat(memories(engine, "u1")).isEqualTo(1);
        }
    }

    @Test
    void anAddTheIndexRefusesFailsAloneAndLeavesNothingBehind() throws Exception {
        HoldingEmbedder embedder = new HoldingEmbedder();
        try (LocalEngine engine = engine(new ByteBuffersDirectory(), embedder)) {
            CompletableFuture<TaskReceipt> holding = engine.addMessage(note("other", "HOLD the ingest"));
            embedder.awaitHeld();
            // A keyword longer than Lucene indexes (32766 bytes): refused when its document is added.
            AddMessageRequest refused = note("u1", "A note with an oversized info value").toBuilder()
                    .info(Map.of("blob", "x".repeat(40_000)))
                    .build();
            CompletableFuture<TaskReceipt> bad = engine.addMessage(refused);
            CompletableFuture<TaskReceipt> good = engine.addMessage(note("u1", "The bins go out on Tuesday"));
            embedder.release();

            holding.get(30, TimeUnit.SECONDS);
            good.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("this add was not stored")
                    .hasMessageContaining("info.blob");
            assertThat(engine.getMemory(GetMemoryRequest.builder().userId("u1").build())
                            .memoryDetailList())
                    .extracting(m -> m.memoryValue())
                    .containsExactly("The bins go out on Tuesday");
            assertThat(engine.getMessage(GetMessageRequest.builder()
                                    .userId("u1")
                                    .conversationId("u1-c")
                                    .build())
                            .messageDetailList())
                    .extracting(m -> m.content())
                    .containsExactly("The bins go out on Tuesday");
        }
    }

    @Test
    void aFailedCommitFailsEveryAddItHeldAndWritesResumeAfterwards() throws Exception {
        HoldingEmbedder embedder = new HoldingEmbedder();
        DiskFullTest.FullDisk disk = new DiskFullTest.FullDisk(new ByteBuffersDirectory());
        try (LocalEngine engine = engine(disk, embedder)) {
            CompletableFuture<TaskReceipt> holding = engine.addMessage(note("u1", "HOLD the ingest"));
            embedder.awaitHeld();
            CompletableFuture<TaskReceipt> first = engine.addMessage(note("u1", "The gate code is 4471"));
            CompletableFuture<TaskReceipt> second = engine.addMessage(note("u2", "The wifi password is on the fridge"));
            disk.full = true;
            embedder.release();

            for (CompletableFuture<TaskReceipt> add : List.of(holding, first, second)) {
                assertThatThrownBy(() -> add.get(30, TimeUnit.SECONDS))
                        .cause()
                        .isInstanceOf(MemosServiceException.class)
                        .hasMessageContaining("No space left on device")
                        .satisfies(e -> assertThat(((MemosServiceException) e).statusCode())
                                .isEqualTo(503));
            }
            assertThat(engine.writeProblem()).isPresent();
            assertThat(memories(engine, "u1") + memories(engine, "u2")).isZero();

            disk.full = false;
            engine.addMessage(note("u1", "The gate code is 4471")).get(30, TimeUnit.SECONDS);
            assertThat(engine.writeProblem()).isEmpty();
            assertThat(memories(engine, "u1")).isEqualTo(1);
        }
    }
}
