package dev.memos4j.examples.homeassistant;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The demo's command line, parsed.
 *
 * @param help {@code --help}: print usage and exit
 * @param quiet {@code --quiet}: show only the conversation
 * @param preAnswer {@code --yes} / {@code --no}: the answer to the pre-configured dialogues question
 * @param userId {@code --user-id}
 * @param dataDirectory {@code --data-dir}, when given
 * @param reset {@code --reset}: clear the local data directory first
 * @param forceLocal {@code --local}: the embedded engine even when {@code MEMOS_API_KEY} is set
 * @param memosUrl {@code --memos-url}: a MemOS-compatible server
 * @param memosKey {@code --memos-key}: its API key
 * @param originalPrompt {@code --original-prompt}: the use case's numbered-list prompt
 */
record DemoOptions(
        boolean help,
        boolean quiet,
        Optional<Boolean> preAnswer,
        String userId,
        Optional<Path> dataDirectory,
        boolean reset,
        boolean forceLocal,
        Optional<String> memosUrl,
        Optional<String> memosKey,
        boolean originalPrompt) {

    static final String DEFAULT_USER_ID = "memos_home_management_user_123";

    static final String USAGE = String.join(
            "\n",
            "Usage: java -jar home-assistant.jar [options]",
            "",
            "A home assistant that remembers: every question searches the user's memories, builds the prompt,",
            "asks the model and stores the exchange.",
            "",
            "Options:",
            "  --yes, -y            run the pre-configured dialogues without asking",
            "  --no, -n             skip the pre-configured dialogues without asking",
            "  --quiet, -q          show only the conversation (no API calls, memories or prompts)",
            "  --user-id ID         whose memories to use (default " + DEFAULT_USER_ID + ")",
            "  --data-dir DIR       where the embedded engine keeps memories (default ~/.memos4j/home-assistant)",
            "  --reset              delete the memories in the data directory first",
            "  --local              use the embedded engine even when MEMOS_API_KEY is set",
            "  --memos-url URL      use a MemOS-compatible server, e.g. http://127.0.0.1:8765/api/openmem/v1",
            "  --memos-key KEY      that server's API key (default: MEMOS_API_KEY, else none)",
            "  --original-prompt    use the use case's numbered-memories prompt instead of the default one",
            "  --help, -h           print this help",
            "",
            "Environment:",
            "  MEMOS_API_KEY        use MemOS cloud (MEMOS_BASE_URL, MEMOS_IS_GLOBAL=true for the global region)",
            "  OPENAI_API_KEY       answer with OpenAI (OPENAI_MODEL, default gpt-4o)",
            "  OPENAI_BASE_URL      any OpenAI-compatible server, e.g. http://localhost:11434/v1 (no key needed)",
            "",
            "Type a question at the prompt; 'exit', 'quit' or 'q' (or end of input) ends the session.");

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the option when an argument is unknown or lacks its value
     */
    static DemoOptions parse(List<String> args) {
        boolean help = false;
        boolean quiet = false;
        Optional<Boolean> preAnswer = Optional.empty();
        String userId = DEFAULT_USER_ID;
        Optional<Path> dataDirectory = Optional.empty();
        boolean reset = false;
        boolean forceLocal = false;
        Optional<String> memosUrl = Optional.empty();
        Optional<String> memosKey = Optional.empty();
        boolean originalPrompt = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--quiet", "-q" -> quiet = true;
                case "--yes", "-y" -> preAnswer = answer(preAnswer, true);
                case "--no", "-n" -> preAnswer = answer(preAnswer, false);
                case "--user-id" -> userId = value(args, ++i, arg);
                case "--data-dir" -> dataDirectory = Optional.of(Path.of(value(args, ++i, arg)));
                case "--reset" -> reset = true;
                case "--local" -> forceLocal = true;
                case "--memos-url" -> memosUrl = Optional.of(value(args, ++i, arg));
                case "--memos-key" -> memosKey = Optional.of(value(args, ++i, arg));
                case "--original-prompt" -> originalPrompt = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
            }
        }
        if (forceLocal && memosUrl.isPresent()) {
            throw new IllegalArgumentException("--local and --memos-url exclude each other: choose one backend");
        }
        if (memosKey.isPresent() && memosUrl.isEmpty()) {
            throw new IllegalArgumentException("--memos-key needs --memos-url (MemOS cloud reads MEMOS_API_KEY)");
        }
        return new DemoOptions(
                help, quiet, preAnswer, userId, dataDirectory, reset, forceLocal, memosUrl, memosKey, originalPrompt);
    }

    private static Optional<Boolean> answer(Optional<Boolean> previous, boolean value) {
        if (previous.isPresent() && previous.get() != value) {
            throw new IllegalArgumentException("--yes and --no exclude each other");
        }
        return Optional.of(value);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).isBlank() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index).trim();
    }
}
