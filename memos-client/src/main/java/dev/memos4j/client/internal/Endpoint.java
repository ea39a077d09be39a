package dev.memos4j.client.internal;

/** The MemOS endpoints: HTTP method, path below the base URL, and whether a call creates something. */
enum Endpoint {
    ADD_MESSAGE("POST", "add/message", true),
    SEARCH_MEMORY("POST", "search/memory", false),
    GET_MESSAGE("POST", "get/message", false),
    GET_MEMORY("POST", "get/memory", false),
    GET_MEMORY_BY_ID("GET", "get/memory", false),
    DELETE_MEMORY("POST", "delete/memory", false),
    UPDATE_MEMORY("POST", "update/memory", false),
    ADD_FEEDBACK("POST", "add/feedback", true),
    GET_STATUS("POST", "get/status", false),
    CHAT("POST", "chat", true),
    CREATE_KNOWLEDGEBASE("POST", "create/knowledgebase", true),
    DELETE_KNOWLEDGEBASE("POST", "delete/knowledgebase", false),
    ADD_KNOWLEDGEBASE_FILE("POST", "add/knowledgebase-file", true),
    GET_KNOWLEDGEBASE_FILE("POST", "get/knowledgebase-file", false),
    DELETE_KNOWLEDGEBASE_FILE("POST", "delete/knowledgebase-file", false),
    EXTRACT_MEMORY("POST", "extract/memory", false),
    RERANK("POST", "rerank", false),
    BIND_PROFILE_TEMPLATE("POST", "bind/profile_template", false),
    EDIT_PROFILE("POST", "edit/profile", false),
    DELETE_PROFILE("POST", "delete/profile", false);

    final String method;
    final String path;
    /**
     * Creating calls are not idempotent: a repeat after the service may have processed the first attempt
     * would store things twice, so they are retried only when the request certainly was not processed.
     */
    final boolean creates;

    Endpoint(String method, String path, boolean creates) {
        this.method = method;
        this.path = path;
        this.creates = creates;
    }
}
