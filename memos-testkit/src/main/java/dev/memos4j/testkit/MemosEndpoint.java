package dev.memos4j.testkit;

import dev.memos4j.client.model.AddFeedbackRequest;
import dev.memos4j.client.model.AddKnowledgebaseFileRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.BindProfileTemplateRequest;
import dev.memos4j.client.model.ChatEvent;
import dev.memos4j.client.model.ChatRequest;
import dev.memos4j.client.model.ChatResponse;
import dev.memos4j.client.model.CreateKnowledgebaseRequest;
import dev.memos4j.client.model.CreateKnowledgebaseResponse;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.DeleteProfileRequest;
import dev.memos4j.client.model.EditProfileRequest;
import dev.memos4j.client.model.ExtractMemoryRequest;
import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.GetKnowledgebaseFileRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.GetMessageResponse;
import dev.memos4j.client.model.KnowledgebaseFilePage;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.RerankRequest;
import dev.memos4j.client.model.RerankResponse;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.SuccessResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatusResponse;
import dev.memos4j.client.model.UpdateMemoryRequest;
import dev.memos4j.client.model.UploadKnowledgebaseFilesRequest;
import dev.memos4j.client.model.UploadedFile;
import java.util.List;

/**
 * One method of {@link dev.memos4j.client.MemosClient}, typed by what it receives ({@code Q}) and what it
 * answers ({@code R}), for scripting and reading a {@link FakeMemosClient}. Calls that take a bare id
 * receive that id ({@code String}), {@link #DELETE_KNOWLEDGEBASE_FILES} its list of file ids, and
 * {@link #CHAT_STREAM} is scripted with the events it streams.
 *
 * @param <Q> what the method receives
 * @param <R> what it answers
 */
public final class MemosEndpoint<Q, R> {

    /** {@code add/message}. */
    public static final MemosEndpoint<AddMessageRequest, TaskReceipt> ADD_MESSAGE = new MemosEndpoint<>("add/message");
    /** {@code search/memory}. */
    public static final MemosEndpoint<SearchMemoryRequest, SearchMemoryResponse> SEARCH_MEMORY =
            new MemosEndpoint<>("search/memory");
    /** {@code get/message}. */
    public static final MemosEndpoint<GetMessageRequest, GetMessageResponse> GET_MESSAGE =
            new MemosEndpoint<>("get/message");
    /** {@code get/memory}. */
    public static final MemosEndpoint<GetMemoryRequest, GetMemoryResponse> GET_MEMORY =
            new MemosEndpoint<>("get/memory");
    /** {@code get/memory/{id}}; receives the memory id. */
    public static final MemosEndpoint<String, MemoryDetail> GET_MEMORY_BY_ID = new MemosEndpoint<>("get/memory/{id}");
    /** {@code delete/memory}. */
    public static final MemosEndpoint<DeleteMemoryRequest, SuccessResponse> DELETE_MEMORY =
            new MemosEndpoint<>("delete/memory");
    /** {@code update/memory}. */
    public static final MemosEndpoint<UpdateMemoryRequest, SuccessResponse> UPDATE_MEMORY =
            new MemosEndpoint<>("update/memory");
    /** {@code add/feedback}. */
    public static final MemosEndpoint<AddFeedbackRequest, TaskReceipt> ADD_FEEDBACK =
            new MemosEndpoint<>("add/feedback");
    /** {@code get/status}; receives the task id. */
    public static final MemosEndpoint<String, TaskStatusResponse> GET_TASK_STATUS = new MemosEndpoint<>("get/status");
    /** {@code chat}, answered at once. */
    public static final MemosEndpoint<ChatRequest, ChatResponse> CHAT = new MemosEndpoint<>("chat");
    /** {@code chat}, streamed: scripted with the events to stream, in order. */
    public static final MemosEndpoint<ChatRequest, List<ChatEvent>> CHAT_STREAM = new MemosEndpoint<>("chat (stream)");
    /** {@code create/knowledgebase}. */
    public static final MemosEndpoint<CreateKnowledgebaseRequest, CreateKnowledgebaseResponse> CREATE_KNOWLEDGEBASE =
            new MemosEndpoint<>("create/knowledgebase");
    /** {@code delete/knowledgebase}; receives the knowledge-base id. */
    public static final MemosEndpoint<String, SuccessResponse> DELETE_KNOWLEDGEBASE =
            new MemosEndpoint<>("delete/knowledgebase");
    /** {@code add/knowledgebase-file} with inline content. */
    public static final MemosEndpoint<AddKnowledgebaseFileRequest, List<UploadedFile>> ADD_KNOWLEDGEBASE_FILES =
            new MemosEndpoint<>("add/knowledgebase-file");
    /** {@code add/knowledgebase-file} as a multipart upload. */
    public static final MemosEndpoint<UploadKnowledgebaseFilesRequest, List<UploadedFile>> UPLOAD_KNOWLEDGEBASE_FILES =
            new MemosEndpoint<>("add/knowledgebase-file (multipart)");
    /** {@code get/knowledgebase-file}. */
    public static final MemosEndpoint<GetKnowledgebaseFileRequest, KnowledgebaseFilePage> GET_KNOWLEDGEBASE_FILES =
            new MemosEndpoint<>("get/knowledgebase-file");
    /** {@code delete/knowledgebase-file}; receives the file ids. */
    public static final MemosEndpoint<List<String>, SuccessResponse> DELETE_KNOWLEDGEBASE_FILES =
            new MemosEndpoint<>("delete/knowledgebase-file");
    /** {@code extract/memory}. */
    public static final MemosEndpoint<ExtractMemoryRequest, ExtractMemoryResponse> EXTRACT_MEMORY =
            new MemosEndpoint<>("extract/memory");
    /** {@code rerank}. */
    public static final MemosEndpoint<RerankRequest, RerankResponse> RERANK = new MemosEndpoint<>("rerank");
    /** {@code bind/profile_template}. */
    public static final MemosEndpoint<BindProfileTemplateRequest, SuccessResponse> BIND_PROFILE_TEMPLATE =
            new MemosEndpoint<>("bind/profile_template");
    /** {@code edit/profile}. */
    public static final MemosEndpoint<EditProfileRequest, SuccessResponse> EDIT_PROFILE =
            new MemosEndpoint<>("edit/profile");
    /** {@code delete/profile}. */
    public static final MemosEndpoint<DeleteProfileRequest, SuccessResponse> DELETE_PROFILE =
            new MemosEndpoint<>("delete/profile");

    private final String path;

    private MemosEndpoint(String path) {
        this.path = path;
    }

    /**
     * The service path, as in error messages.
     *
     * @return the path below the base URL, e.g. {@code search/memory}
     */
    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return path;
    }
}
