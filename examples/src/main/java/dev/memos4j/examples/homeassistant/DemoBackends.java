package dev.memos4j.examples.homeassistant;

import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.assistant.llm.NotConnectedLlmProvider;
import dev.memos4j.assistant.openai.OpenAiLlmProvider;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.MemosClientBuilder;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The memory backend and the model the demo runs on, chosen from flags and environment, with the lines
 * that tell the user what is in use and how to switch.
 */
final class DemoBackends implements AutoCloseable {

    /** Placeholder key for a MemOS-compatible server that was started without one. */
    static final String NO_KEY = "no-key";

    private final MemosClient memos;
    private final LlmProvider llm;
    private final boolean llmConnected;
    private final List<String> banner;
    private final Optional<String> callsVerb;

    private DemoBackends(
            MemosClient memos, LlmProvider llm, boolean llmConnected, List<String> banner, Optional<String> callsVerb) {
        this.memos = memos;
        this.llm = llm;
        this.llmConnected = llmConnected;
        this.banner = List.copyOf(banner);
        this.callsVerb = callsVerb;
    }

    /**
     * Opens the backends.
     *
     * @param options the command line
     * @param env the environment variables
     * @param defaultDataDirectory where the embedded engine stores memories without {@code --data-dir}
     * @param console where the embedded engine announces that its model is loading
     */
    static DemoBackends open(DemoOptions options, Map<String, String> env, Path defaultDataDirectory, Console console) {
        List<String> banner = new ArrayList<>();
        LlmProvider llm;
        boolean connected;
        String llmLine;
        String llmSwitch;
        if (text(env.get("OPENAI_API_KEY")).isPresent()
                || text(env.get("OPENAI_BASE_URL")).isPresent()) {
            OpenAiLlmProvider openAi = OpenAiLlmProvider.fromEnv(env);
            llm = openAi;
            connected = true;
            llmLine = "\uD83E\uDD16 Model: " + openAi.name() + " at " + openAi.baseUrl() + " (streaming)";
            llmSwitch = "   Unset OPENAI_API_KEY and OPENAI_BASE_URL to run without a model; "
                    + "OPENAI_MODEL picks another model.";
        } else {
            llm = new NotConnectedLlmProvider();
            connected = false;
            llmLine = "\uD83E\uDD16 Model: not connected: answers read \"[LLM not connected]\" and show what the model "
                    + "would be given.";
            llmSwitch = "   Only your own messages are stored meanwhile. Connect one: OPENAI_API_KEY=sk-... "
                    + "(OPENAI_MODEL, default gpt-4o), or OPENAI_BASE_URL for any OpenAI-compatible server, "
                    + "e.g. http://localhost:11434/v1.";
        }

        Memory memory = memory(options, env, defaultDataDirectory, console, banner);
        banner.add(llmLine);
        banner.add(llmSwitch);
        return new DemoBackends(memory.client(), llm, connected, banner, memory.callsVerb());
    }

    /**
     * Opens the memory backend alone, for demos that bring their own model, and adds the lines that describe
     * it to {@code banner}.
     */
    static MemosClient openMemory(
            DemoOptions options,
            Map<String, String> env,
            Path defaultDataDirectory,
            Console console,
            List<String> banner) {
        return memory(options, env, defaultDataDirectory, console, banner).client();
    }

    private static Memory memory(
            DemoOptions options,
            Map<String, String> env,
            Path defaultDataDirectory,
            Console console,
            List<String> banner) {
        Memory memory = remoteMemory(options, env).orElse(null);
        if (memory == null) {
            memory = localMemory(options, defaultDataDirectory, console, banner);
        } else if (options.reset() || options.dataDirectory().isPresent()) {
            banner.add("\u2139\uFE0F  --data-dir and --reset apply to the embedded engine only; ignored here.");
        }
        banner.add(memory.description());
        banner.add(memory.switchHint());
        return memory;
    }

    /**
     * A memory backend and the two lines that describe it.
     *
     * @param callsVerb how add and search calls cost there ("consume" on the cloud, counted against the
     *     plan; "make" on a server); empty for the embedded engine, where they cost nothing
     */
    private record Memory(MemosClient client, String description, String switchHint, Optional<String> callsVerb) {}

    /** {@code --memos-url}, else MemOS cloud when {@code MEMOS_API_KEY} is set (unless {@code --local}). */
    private static Optional<Memory> remoteMemory(DemoOptions options, Map<String, String> env) {
        Optional<String> cloudKey = text(env.get(MemosClientBuilder.ENV_API_KEY));
        if (options.memosUrl().isPresent()) {
            String url = options.memosUrl().get();
            String key = options.memosKey().or(() -> cloudKey).orElse(NO_KEY);
            return Optional.of(new Memory(
                    MemosClient.builder().baseUrl(url).apiKey(key).build(),
                    "\uD83E\uDDE0 Memory: MemOS-compatible server at " + url,
                    "   Drop --memos-url for the embedded engine (or MemOS cloud when MEMOS_API_KEY is set).",
                    Optional.of("make")));
        }
        if (cloudKey.isPresent() && !options.forceLocal()) {
            return Optional.of(new Memory(
                    MemosClient.builder().environment(env::get).build(),
                    "\uD83E\uDDE0 Memory: MemOS cloud at " + cloudBaseUrl(env) + " (MEMOS_API_KEY)",
                    "   --local uses the embedded engine instead; --memos-url URL any MemOS-compatible server.",
                    Optional.of("consume")));
        }
        return Optional.empty();
    }

    /** The embedded engine in the data directory, cleared first with {@code --reset}. */
    private static Memory localMemory(
            DemoOptions options, Path defaultDataDirectory, Console console, List<String> banner) {
        Path directory = options.dataDirectory().orElse(defaultDataDirectory).toAbsolutePath();
        if (options.reset()) {
            int deleted = DataDirectory.reset(directory);
            banner.add("\uD83E\uDDF9 Reset: deleted " + deleted + " files from " + directory);
        }
        Embedder embedder = new AnnouncingEmbedder(
                Embedder.defaultModel(),
                () -> console.println("\u23F3 Loading the local embedding model (first use)..."));
        return new Memory(
                LocalMemos.builder().dataDirectory(directory).embedder(embedder).build(),
                "\uD83E\uDDE0 Memory: embedded engine (LocalMemos) in " + directory
                        + "; memories persist across runs (--reset clears them).",
                "   Switch: MEMOS_API_KEY=mpg-... for MemOS cloud (MEMOS_BASE_URL, MEMOS_IS_GLOBAL=true), "
                        + "or --memos-url URL for a MemOS-compatible server.",
                Optional.empty());
    }

    MemosClient memos() {
        return memos;
    }

    LlmProvider llm() {
        return llm;
    }

    /** Whether a real model answers (and streams). */
    boolean llmConnected() {
        return llmConnected;
    }

    /**
     * What running {@code dialogues} pre-configured dialogues costs here: add and search calls on a remote
     * service (the cloud counts them against the plan), nothing but local disk on the embedded engine.
     */
    String preConfiguredCost(int dialogues) {
        return callsVerb
                .map(verb -> "This will " + verb + " " + dialogues + " add calls and " + dialogues + " search calls.")
                .orElse("They are stored by the embedded engine on this machine; no service is called.");
    }

    /** What is in use and how to switch, for the first lines on screen. */
    List<String> banner() {
        return banner;
    }

    @Override
    public void close() {
        memos.close();
    }

    private static String cloudBaseUrl(Map<String, String> env) {
        Optional<String> explicit = text(env.get(MemosClientBuilder.ENV_BASE_URL));
        if (explicit.isPresent()) {
            return explicit.get();
        }
        String global =
                text(env.get(MemosClientBuilder.ENV_IS_GLOBAL)).orElse("false").toLowerCase(Locale.ROOT);
        return List.of("true", "1", "yes").contains(global)
                ? MemosClientBuilder.GLOBAL_BASE_URL
                : MemosClientBuilder.CHINA_BASE_URL;
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
