package dev.memos4j.local.internal;

import static dev.memos4j.local.internal.FilterQueries.and;
import static dev.memos4j.local.internal.FilterQueries.kind;
import static dev.memos4j.local.internal.FilterQueries.or;

import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import dev.memos4j.client.model.AddKnowledgebaseFileRequest;
import dev.memos4j.client.model.CreateKnowledgebaseRequest;
import dev.memos4j.client.model.CreateKnowledgebaseResponse;
import dev.memos4j.client.model.FileDetail;
import dev.memos4j.client.model.GetKnowledgebaseFileRequest;
import dev.memos4j.client.model.KnowledgebaseFile;
import dev.memos4j.client.model.KnowledgebaseFilePage;
import dev.memos4j.client.model.SuccessResponse;
import dev.memos4j.client.model.UploadedFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Knowledge bases of text files (txt, md, json) given as base64 content: each file is cut into passages
 * of at most about 800 characters at paragraph boundaries, searchable when a search names the base.
 */
public final class KnowledgeBases {

    private static final Set<String> TEXT_FORMATS = Set.of("txt", "md", "markdown", "json");
    private static final int CHUNK_CHARS = 800;

    private final RecordStore store;

    KnowledgeBases(RecordStore store) {
        this.store = store;
    }

    /** {@code create/knowledgebase}. */
    public CreateKnowledgebaseResponse create(CreateKnowledgebaseRequest request) {
        String id = "kb-" + UUID.randomUUID();
        long now = store.now();
        StoredItem base = new StoredItem(
                StoredItem.KNOWLEDGEBASE,
                id,
                "",
                "",
                "",
                "",
                request.knowledgebaseName(),
                request.knowledgebaseDescription().orElse(""),
                id,
                List.of(),
                Map.of(),
                List.of(),
                now,
                now,
                StoredItem.ACTIVATED,
                1.0,
                "",
                "",
                "",
                store.nextSeq());
        store.write(List.of(base), List.of());
        return new CreateKnowledgebaseResponse(id, Map.of());
    }

    /** {@code delete/knowledgebase}: the base, its files and their passages. */
    public SuccessResponse delete(String knowledgebaseId) {
        requireBase(knowledgebaseId);
        Query ofBase = new TermQuery(new Term(MemoryIndex.F_TYPE, knowledgebaseId));
        store.write(
                List.of(),
                List.of(and(
                        or(kind(StoredItem.KNOWLEDGEBASE), kind(StoredItem.KB_FILE), kind(StoredItem.KB_CHUNK)),
                        ofBase)));
        return SuccessResponse.ok();
    }

    /** {@code add/knowledgebase-file} with base64 content of text files. */
    public List<UploadedFile> addFiles(AddKnowledgebaseFileRequest request) {
        String baseId = request.knowledgebaseId();
        requireBase(baseId);
        long now = store.now();
        List<StoredItem> items = new ArrayList<>();
        List<UploadedFile> uploaded = new ArrayList<>();
        for (int i = 0; i < request.file().size(); i++) {
            KnowledgebaseFile file = request.file().get(i);
            String name = file.name().orElse("file-" + (i + 1) + ".txt");
            String text = decode(file, name, i);
            String fileId = "file-" + UUID.randomUUID();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("size", String.valueOf(text.getBytes(StandardCharsets.UTF_8).length));
            items.add(new StoredItem(
                    StoredItem.KB_FILE,
                    fileId,
                    "",
                    "",
                    "",
                    "",
                    name,
                    name,
                    baseId,
                    List.of("file:" + fileId),
                    info,
                    List.of(),
                    now,
                    now,
                    "completed",
                    1.0,
                    "",
                    "",
                    "",
                    store.nextSeq()));
            List<String> chunks = chunk(text);
            for (int c = 0; c < chunks.size(); c++) {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("type", "file");
                source.put("file_id", fileId);
                source.put("name", name);
                source.put("chunk_index", c);
                items.add(new StoredItem(
                        StoredItem.KB_CHUNK,
                        UUID.randomUUID().toString(),
                        "",
                        "",
                        "",
                        "default_session",
                        chunks.get(c),
                        name,
                        baseId,
                        List.of("knowledgebase", "file:" + fileId),
                        Map.of(),
                        List.of(source),
                        now,
                        now,
                        StoredItem.ACTIVATED,
                        1.0,
                        "",
                        "",
                        chunks.get(c),
                        store.nextSeq()));
            }
            uploaded.add(new UploadedFile(
                    fileId,
                    Optional.of(name),
                    Optional.of(text.getBytes(StandardCharsets.UTF_8).length / (1024.0 * 1024.0)),
                    Optional.of("completed"),
                    Map.of()));
        }
        store.write(items, List.of());
        return uploaded;
    }

    /** {@code get/knowledgebase-file}: by ids, or one page of a base's files. */
    public KnowledgebaseFilePage files(GetKnowledgebaseFileRequest request) {
        Query query;
        if (request.fileIds().isPresent() && !request.fileIds().get().isEmpty()) {
            List<Query> ids = new ArrayList<>();
            for (String id : request.fileIds().get()) {
                ids.add(new TermQuery(new Term(MemoryIndex.F_ID, id)));
            }
            query = and(kind(StoredItem.KB_FILE), or(ids.toArray(Query[]::new)));
        } else {
            query = and(
                    kind(StoredItem.KB_FILE),
                    new TermQuery(new Term(
                            MemoryIndex.F_TYPE, request.knowledgebaseId().orElseThrow())));
        }
        int page = request.page().orElse(1);
        int pageSize = request.pageSize().orElse(20);
        List<FileDetail> files = new ArrayList<>();
        Sort oldestFirst = new Sort(new SortField(MemoryIndex.F_SEQ, SortField.Type.LONG));
        for (StoredItem item : store.index().find(query, oldestFirst, (page - 1) * pageSize, pageSize)) {
            files.add(new FileDetail(
                    item.id(),
                    Optional.of(item.text()),
                    Optional.of(String.valueOf(item.info().getOrDefault("size", "0"))),
                    Optional.of(item.status()),
                    Map.of("knowledgebase_id", item.type())));
        }
        return new KnowledgebaseFilePage(
                files, Optional.of(store.index().count(query)), Optional.of(page), Optional.of(pageSize), Map.of());
    }

    /** {@code delete/knowledgebase-file}: the files and their passages. */
    public SuccessResponse deleteFiles(List<String> fileIds) {
        List<Query> deletes = new ArrayList<>();
        for (String id : fileIds) {
            deletes.add(and(
                    or(kind(StoredItem.KB_FILE), kind(StoredItem.KB_CHUNK)),
                    new TermQuery(new Term(MemoryIndex.F_TAG, "file:" + id))));
        }
        store.write(List.of(), deletes);
        return SuccessResponse.ok();
    }

    private void requireBase(String knowledgebaseId) {
        Query byId = and(kind(StoredItem.KNOWLEDGEBASE), new TermQuery(new Term(MemoryIndex.F_ID, knowledgebaseId)));
        if (store.index().count(byId) == 0) {
            throw MemosServiceException.of(
                    404, 50120, "knowledge base not found: " + knowledgebaseId, null, null, null);
        }
    }

    private static String decode(KnowledgebaseFile file, String name, int index) {
        String content = file.content().strip();
        if (content.startsWith("http://") || content.startsWith("https://")) {
            throw new MemosUnsupportedOperationException(
                    "add/knowledgebase-file (URL)",
                    "the local engine does not download files; send file[" + index + "].content as base64");
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "txt" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!TEXT_FORMATS.contains(extension)) {
            throw new IllegalArgumentException(
                    "file[" + index + "].name must end in .txt, .md or .json locally (was " + name + ")");
        }
        if (content.startsWith("data:") && content.contains(",")) {
            content = content.substring(content.indexOf(',') + 1);
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(content);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new IllegalArgumentException("file[" + index + "].content must be base64 of UTF-8 text", e);
        }
    }

    /** Passages of at most about 800 characters, cut at blank lines, then at line ends. */
    static List<String> chunk(String text) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (current.length() > 0 && current.length() + p.length() + 2 > CHUNK_CHARS) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            while (p.length() > CHUNK_CHARS) {
                int cut = p.lastIndexOf('\n', CHUNK_CHARS);
                if (cut < CHUNK_CHARS / 2) {
                    cut = p.lastIndexOf(' ', CHUNK_CHARS);
                }
                if (cut < CHUNK_CHARS / 2) {
                    cut = CHUNK_CHARS;
                }
                if (current.length() > 0) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                chunks.add(p.substring(0, cut).strip());
                p = p.substring(cut).strip();
            }
            if (current.length() > 0) {
                current.append("\n\n");
            }
            current.append(p);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }
}
