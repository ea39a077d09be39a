package dev.memos4j.assistant.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The provider for running without a model: instead of an answer it shows what the model would have been
 * given. The text starts with {@value #PREFIX} and lists, compactly, the query and the memories and
 * preferences the request's {@link LlmRequest#recall() recall} names, so an offline run still shows memory at work. Its results are marked
 * {@link LlmResult#placeholder()}: a chat that stores exchanges keeps only the user's own text, never this
 * stand-in (which would echo earlier memories back into memory).
 *
 * <pre>{@code
 * LlmProvider llm = System.getenv("OPENAI_API_KEY") == null
 *     ? new NotConnectedLlmProvider()
 *     : OpenAiLlmProvider.fromEnv();
 * }</pre>
 */
public final class NotConnectedLlmProvider implements LlmProvider {

    /** How every answer begins. */
    public static final String PREFIX = "[LLM not connected]";

    private static final int MAX_ITEM_CHARS = 160;

    private final Executor executor;

    /** A provider that streams on the common fork-join pool. */
    public NotConnectedLlmProvider() {
        this(ForkJoinPool.commonPool());
    }

    /**
     * A provider that streams on the given executor.
     *
     * @param executor where stream deltas are delivered
     */
    public NotConnectedLlmProvider(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public CompletableFuture<LlmResult> complete(LlmRequest request) {
        Objects.requireNonNull(request, "request");
        return CompletableFuture.completedFuture(LlmResult.ofPlaceholder(describe(request)));
    }

    @Override
    public LlmStream stream(LlmRequest request, StreamListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        String text = describe(request);
        CompletableFuture<LlmResult> completion = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                // One delta per line, so a streaming UI visibly streams.
                for (String piece : text.split("(?<=\n)")) {
                    if (completion.isDone()) {
                        return;
                    }
                    listener.onDelta(piece);
                }
                completion.complete(LlmResult.ofPlaceholder(text));
            } catch (RuntimeException e) {
                completion.completeExceptionally(e);
            }
        });
        return LlmStream.of(completion, () -> {});
    }

    @Override
    public String name() {
        return "not-connected";
    }

    /**
     * The answer this provider gives for a request.
     *
     * @param request the request
     * @return the text, starting with {@value #PREFIX}
     */
    public static String describe(LlmRequest request) {
        StringBuilder out = new StringBuilder(PREFIX);
        if (request.recall().isEmpty()) {
            out.append(" The model would answer: \"")
                    .append(shorten(request.lastUserText().orElse("")))
                    .append("\" (")
                    .append(request.messages().size())
                    .append(" messages, ")
                    .append(request.messages().stream()
                            .mapToInt(m -> m.content().length())
                            .sum())
                    .append(" characters of prompt).");
            return out.toString();
        }
        MemoryRecall context = request.recall().get();
        out.append(" The model would answer \"")
                .append(shorten(context.query()))
                .append("\" using ");
        if (!context.hasMemories()) {
            return out.append("no recalled memories.").toString();
        }
        List<String> lines = new ArrayList<>();
        int n = 1;
        for (String memory : context.memories()) {
            lines.add("  memory " + n++ + ": " + shorten(memory));
        }
        n = 1;
        for (String preference : context.preferences()) {
            lines.add("  preference " + n++ + ": " + shorten(preference));
        }
        out.append(context.memories().size())
                .append(context.memories().size() == 1 ? " memory" : " memories")
                .append(" and ")
                .append(context.preferences().size())
                .append(context.preferences().size() == 1 ? " preference:" : " preferences:");
        for (String line : lines) {
            out.append('\n').append(line);
        }
        return out.toString();
    }

    private static String shorten(String text) {
        String flat = text.strip().replace('\n', ' ');
        return flat.length() <= MAX_ITEM_CHARS ? flat : flat.substring(0, MAX_ITEM_CHARS - 3) + "...";
    }
}
