package dev.memos4j.local;

/** How {@link LocalMemos} ranks memories for a search. */
public enum RetrievalMode {
    /** BM25 and dense similarity, min-max normalised and mixed linearly (the default). */
    HYBRID,
    /** BM25 only (what {@link Embedder#none()} gives anyway). */
    LEXICAL,
    /** Dense similarity only. Needs an embedder that produces vectors. */
    DENSE
}
