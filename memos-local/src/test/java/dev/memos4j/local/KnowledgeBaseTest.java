package dev.memos4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.errors.MemosNotFoundException;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import dev.memos4j.client.model.AddKnowledgebaseFileRequest;
import dev.memos4j.client.model.CreateKnowledgebaseRequest;
import dev.memos4j.client.model.FileDetail;
import dev.memos4j.client.model.GetKnowledgebaseFileRequest;
import dev.memos4j.client.model.KnowledgebaseFile;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.UploadedFile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Knowledge bases of text files: chunked, searchable when named, deletable. */
class KnowledgeBaseTest {

    private static KnowledgebaseFile file(String name, String text) {
        return new KnowledgebaseFile(
                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)), Optional.of(name));
    }

    private static List<String> search(LocalMemos memos, List<String> bases) {
        SearchMemoryRequest.Builder request =
                SearchMemoryRequest.builder().userId("u1").query("descaling the kettle");
        if (!bases.isEmpty()) {
            request.knowledgebaseIds(bases);
        }
        return memos.searchMemory(request.build()).join().memories().stream()
                .map(MemoryDetail::memoryValue)
                .toList();
    }

    @Test
    void filesAreChunkedSearchableWhenNamedAndDeletable() {
        try (LocalMemos memos =
                LocalMemos.builder().inMemory().embedder(Embedder.none()).build()) {
            String kb = memos.createKnowledgebase(new CreateKnowledgebaseRequest("appliances", Optional.empty()))
                    .join()
                    .id();
            List<UploadedFile> uploaded = memos.addKnowledgebaseFiles(new AddKnowledgebaseFileRequest(
                            kb,
                            List.of(
                                    file(
                                            "kettle.md",
                                            "# Kettle\n\nDescaling the kettle: boil water with vinegar, rinse twice.\n\n"
                                                    + "Never immerse the base in water."),
                                    file("oven.txt", "The oven self-cleaning cycle takes three hours."))))
                    .join();
            assertThat(uploaded)
                    .hasSize(2)
                    .allSatisfy(f -> assertThat(f.status()).contains("completed"));

            assertThat(search(memos, List.of())).isEmpty(); // not searched unless named
            assertThat(search(memos, List.of(kb))).first().asString().contains("vinegar");
            assertThat(search(memos, List.of("all"))).first().asString().contains("vinegar");

            List<FileDetail> files = memos.getKnowledgebaseFiles(new GetKnowledgebaseFileRequest(
                            Optional.empty(), Optional.of(kb), Optional.empty(), Optional.empty(), Optional.empty()))
                    .join()
                    .fileDetailList();
            assertThat(files).extracting(f -> f.name().orElse("")).containsExactly("kettle.md", "oven.txt");

            memos.deleteKnowledgebaseFiles(List.of(uploaded.get(0).id())).join();
            assertThat(search(memos, List.of(kb))).noneMatch(t -> t.contains("vinegar"));

            memos.deleteKnowledgebase(kb).join();
            assertThat(search(memos, List.of(kb))).isEmpty();
            assertThatThrownBy(() -> memos.addKnowledgebaseFiles(
                                    new AddKnowledgebaseFileRequest(kb, List.of(file("a.txt", "x"))))
                            .join())
                    .hasCauseInstanceOf(MemosNotFoundException.class);
        }
    }

    @Test
    void onlyTextFormatsAsBase64AreAccepted() {
        try (LocalMemos memos =
                LocalMemos.builder().inMemory().embedder(Embedder.none()).build()) {
            String kb = memos.createKnowledgebase(new CreateKnowledgebaseRequest("docs", Optional.empty()))
                    .join()
                    .id();
            assertThatThrownBy(() -> memos.addKnowledgebaseFiles(
                                    new AddKnowledgebaseFileRequest(kb, List.of(file("manual.pdf", "%PDF"))))
                            .join())
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .rootCause()
                    .hasMessageContaining("file[0].name must end in .txt, .md or .json");
            assertThatThrownBy(() -> memos.addKnowledgebaseFiles(new AddKnowledgebaseFileRequest(
                                    kb,
                                    List.of(new KnowledgebaseFile("https://example.com/a.txt", Optional.of("a.txt")))))
                            .join())
                    .hasCauseInstanceOf(MemosUnsupportedOperationException.class);
        }
    }
}
