package dev.memos4j.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory written by the first index format (cosine vectors, no doc values) is upgraded on open. */
class IndexFormatUpgradeTest {

    @TempDir
    Path dir;

    /** Hashed word counts: deterministic, fast, and deliberately not unit length. */
    static class WordCounts implements Embedder {
        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            List<float[]> vectors = new ArrayList<>();
            for (String text : texts) {
                float[] v = new float[64];
                for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
                    if (!word.isEmpty()) {
                        v[Math.floorMod(word.hashCode(), 64)] += 3;
                    }
                }
                vectors.add(v);
            }
            return vectors;
        }

        @Override
        public String name() {
            return "word-counts";
        }
    }

    @Test
    void upgradesAFormatOneDirectoryAndKeepsEveryRecord() throws Exception {
        Embedder embedder = new WordCounts();
        List<StoredItem> old = List.of(
                memory("m1", "Take the kids to the zoo on Saturday", "conversation_1", 1),
                memory("m2", "Dentist appointment on Tuesday at nine", "conversation_1", 2),
                memory("m3", "Grandma visits for dinner on Sunday", "conversation_2", 3));
        writeFormatOne(old, embedder);

        try (LocalMemos memos =
                LocalMemos.builder().dataDirectory(dir).embedder(embedder).build()) {
            List<MemoryDetail> found = memos.searchMemory(SearchMemoryRequest.builder()
                            .userId("u1")
                            .query("zoo with the kids")
                            .build())
                    .join()
                    .memories();
            assertThat(found).hasSize(3);
            assertThat(found.get(0).id()).isEqualTo("m1");
            assertThat(found.get(0).conversationId()).contains("conversation_1");
            assertThat(memos.getMemoryById("m2").join().memoryValue())
                    .contains("Dentist appointment on Tuesday at nine");

            // New records go into the upgraded index beside the old ones.
            memos.addMessage(AddMessageRequest.builder()
                            .userId("u1")
                            .conversationId("conversation_3")
                            .addMessage(Message.user("Swimming lessons for the kids on Friday"))
                            .build())
                    .join();
            assertThat(memos.searchMemory(SearchMemoryRequest.builder()
                                    .userId("u1")
                                    .query("swimming lessons")
                                    .build())
                            .join()
                            .memories())
                    .hasSize(4)
                    .first()
                    .satisfies(m -> assertThat(m.memoryValue()).contains("Swimming lessons"));
        }

        try (FSDirectory directory = FSDirectory.open(dir)) {
            assertThat(SegmentInfos.readLatestCommit(directory).getUserData())
                    .containsEntry("format", "2")
                    .containsEntry("embedder", "word-counts");
        }
        try (LocalMemos reopened =
                LocalMemos.builder().dataDirectory(dir).embedder(embedder).build()) {
            assertThat(reopened.searchMemory(SearchMemoryRequest.builder()
                                    .userId("u1")
                                    .query("grandma dinner")
                                    .build())
                            .join()
                            .memories())
                    .hasSize(4)
                    .first()
                    .satisfies(m -> assertThat(m.id()).isEqualTo("m3"));
        }
    }

    @Test
    void aFailedUpgradeLeavesTheOldIndexToBeUpgradedNextTime() throws Exception {
        Embedder embedder = new WordCounts();
        writeFormatOne(
                List.of(
                        memory("m1", "Take the kids to the zoo on Saturday", "conversation_1", 1),
                        memory("m2", "Dentist appointment on Tuesday at nine", "conversation_1", 2)),
                embedder);
        Embedder failing = new WordCounts() {
            @Override
            public List<float[]> embed(List<String> texts) {
                throw new IllegalStateException("model crashed");
            }
        };

        assertThatThrownBy(() -> LocalMemos.builder()
                        .dataDirectory(dir)
                        .embedder(failing)
                        .build())
                .isInstanceOf(MemosException.class)
                .hasMessageContaining("left as it was")
                .hasRootCauseMessage("model crashed");
        try (FSDirectory directory = FSDirectory.open(dir)) {
            assertThat(SegmentInfos.readLatestCommit(directory).getUserData()).doesNotContainKey("format");
        }

        try (LocalMemos memos =
                LocalMemos.builder().dataDirectory(dir).embedder(embedder).build()) {
            assertThat(memos.searchMemory(SearchMemoryRequest.builder()
                                    .userId("u1")
                                    .query("zoo")
                                    .build())
                            .join()
                            .memories())
                    .extracting(MemoryDetail::id)
                    .containsExactlyInAnyOrder("m1", "m2");
        }
    }

    @Test
    void unitLengthScalesToOneAndLeavesZeroVectorsAlone() {
        float[] v = MemoryIndex.unitLength(new float[] {3, 4});
        assertThat(v[0]).isCloseTo(0.6f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(v[1]).isCloseTo(0.8f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(MemoryIndex.unitLength(new float[] {0, 0})).containsExactly(0, 0);
    }

    static StoredItem memory(String id, String text, String conversationId, long seq) {
        long time = 1_760_000_000_000L + seq;
        return new StoredItem(
                StoredItem.MEMORY,
                id,
                "u1",
                "",
                "",
                conversationId,
                text,
                text,
                "WorkingMemory",
                List.of("mode:fast"),
                Map.of(),
                List.of(),
                time,
                time,
                StoredItem.ACTIVATED,
                0.9,
                "",
                "",
                text,
                seq);
    }

    // The documents exactly as format 1 wrote them.
    private void writeFormatOne(List<StoredItem> items, Embedder embedder) throws Exception {
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new EnglishAnalyzer()))) {
            for (StoredItem item : items) {
                float[] vector = embedder.embed(List.of(item.embeddingText())).get(0);
                Document doc = new Document();
                doc.add(new StringField(MemoryIndex.F_KIND, item.kind(), Field.Store.NO));
                doc.add(new StringField(MemoryIndex.F_ID, item.id(), Field.Store.NO));
                doc.add(new StringField(MemoryIndex.F_USER, item.userId(), Field.Store.NO));
                doc.add(new StringField(MemoryIndex.F_CONVERSATION, item.conversationId(), Field.Store.NO));
                doc.add(new StringField(MemoryIndex.F_STATUS, item.status(), Field.Store.NO));
                doc.add(new StringField(MemoryIndex.F_TYPE, item.type(), Field.Store.NO));
                doc.add(new StringField(MemoryIndex.F_TAG, "mode:fast", Field.Store.NO));
                doc.add(new LongPoint(MemoryIndex.F_CREATE, item.createTime()));
                doc.add(new NumericDocValuesField(MemoryIndex.F_CREATE, item.createTime()));
                doc.add(new LongPoint(MemoryIndex.F_UPDATE, item.updateTime()));
                doc.add(new NumericDocValuesField(MemoryIndex.F_SEQ, item.seq()));
                doc.add(new TextField(MemoryIndex.F_TEXT, item.text(), Field.Store.NO));
                doc.add(new TextField(MemoryIndex.F_CONTEXT, item.context(), Field.Store.NO));
                doc.add(new KnnFloatVectorField(MemoryIndex.F_VECTOR, vector, VectorSimilarityFunction.COSINE));
                doc.add(new KnnFloatVectorField(MemoryIndex.F_CONTEXT_VECTOR, vector, VectorSimilarityFunction.COSINE));
                doc.add(new StoredField(MemoryIndex.F_JSON, Json.MAPPER.writeValueAsBytes(item)));
                writer.addDocument(doc);
            }
            writer.setLiveCommitData(Map.of("embedder", embedder.name()).entrySet());
            writer.commit();
        }
    }
}
