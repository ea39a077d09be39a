package dev.memos4j.examples.homeassistant;

import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.prompt.DefaultPromptBuilder;
import dev.memos4j.assistant.prompt.NumberedMemoriesPromptBuilder;
import dev.memos4j.assistant.prompt.PromptBuilder;
import dev.memos4j.client.MemosClientBuilder;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The home-assistant demo: an assistant that remembers what the user said in earlier conversations.
 *
 * <p>It runs with no keys on the embedded memory engine, persisted in a data directory, and a
 * not-connected model; {@code MEMOS_API_KEY} switches memory to MemOS cloud and {@code OPENAI_API_KEY}
 * connects OpenAI (see {@code --help}). It first offers to run pre-configured dialogues, then answers each
 * question in a brand-new conversation, recalling memories across conversations and runs.
 *
 * <pre>{@code
 * java -jar examples/target/home-assistant.jar            # interactive
 * printf 'y\nWhat plans do I have for the weekend?\n' | java -jar examples/target/home-assistant.jar
 * }</pre>
 */
public final class HomeAssistantDemo {

    static final List<String> PRE_CONFIGURED_DIALOGUES = List.of(
            "Take the kids to the zoo on Saturday, please remember it.",
            "For future reminders or plans, please first list three key points, then add one short suggestion.",
            "My wife is Xiaoyun, and our child is 6 years old.");

    static final List<String> SAMPLE_QUESTIONS = List.of(
            "What plans do I have for the weekend?",
            "Help me plan next week's housework distribution",
            "Arrange a weekend activity for the family?");

    private static final Set<String> EXIT_WORDS = Set.of("exit", "quit", "q");
    private static final String RULE = "-".repeat(60);
    private static final String DOUBLE_RULE = "=".repeat(60);

    private final Console console;
    private final BufferedReader input;
    private final boolean echoInput;

    private HomeAssistantDemo(Console console, BufferedReader input, boolean echoInput) {
        this.console = console;
        this.input = input;
        this.echoInput = echoInput;
    }

    /**
     * Runs the demo on the terminal, with the process environment.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Piped input is not shown by a terminal: echo it so the transcript reads like a conversation.
        boolean echo = System.console() == null;
        int status = run(Arrays.asList(args), System.getenv(), System.in, out, defaultDataDirectory(), echo);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the demo with the given environment and streams, e.g. from a test or another program.
     *
     * @param args the options, as on the command line
     * @param env the environment variables to read ({@code MEMOS_API_KEY}, {@code OPENAI_API_KEY}, ...)
     * @param in the user's input, one answer or question per line
     * @param out where the demo writes
     * @return the exit status: 0 on success, 2 for bad options, 1 when a backend cannot be opened
     */
    public static int run(List<String> args, Map<String, String> env, InputStream in, PrintStream out) {
        return run(args, env, in, out, defaultDataDirectory(), false);
    }

    static int run(
            List<String> args,
            Map<String, String> env,
            InputStream in,
            PrintStream out,
            Path defaultDataDirectory,
            boolean echoInput) {
        List<String> secrets = new ArrayList<>();
        secrets.add(env.get(MemosClientBuilder.ENV_API_KEY));
        secrets.add(env.get("OPENAI_API_KEY"));
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            new Console(out, secrets).println("Error: " + e.getMessage());
            return 2;
        }
        options.memosKey().ifPresent(secrets::add);
        Console console = new Console(out, secrets);
        if (options.help()) {
            console.println(DemoOptions.USAGE);
            return 0;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new HomeAssistantDemo(console, reader, echoInput).run(options, env, defaultDataDirectory);
    }

    private int run(DemoOptions options, Map<String, String> env, Path defaultDataDirectory) {
        console.println("\uD83C\uDFE0 Welcome to the example of MemOS applied in a home assistant!");
        console.println("\uD83D\uDCA1 With the power of MemOS, your product can deliver a real butler-like experience! "
                + "\uD83D\uDE0A");
        console.println();
        DemoBackends backends;
        try {
            backends = DemoBackends.open(options, env, defaultDataDirectory, console);
        } catch (RuntimeException e) {
            console.println("\u274C Cannot start: " + e.getMessage());
            return 1;
        }
        try (backends) {
            backends.banner().forEach(console::println);
            String quietHint = options.quiet()
                    ? ""
                    : " (requests and responses show only the fields that are set; --quiet shows only the conversation)";
            console.println("   User: " + options.userId() + quietHint);
            TurnPrinter printer = new TurnPrinter(console, !options.quiet(), ZoneId.systemDefault());
            PromptBuilder prompt = options.originalPrompt()
                    ? NumberedMemoriesPromptBuilder.create()
                    : DefaultPromptBuilder.builder()
                            .instructions(NumberedMemoriesPromptBuilder.HOME_ASSISTANT_INSTRUCTIONS
                                    .strip()
                                    .replaceAll("\n\\s+", "\n"))
                            .build();
            // The default options: 6 memories, relativity of at least 0.45, exchanges stored in the background.
            MemoryAugmentedChat chat = MemoryAugmentedChat.builder(backends.memos(), backends.llm())
                    .promptBuilder(prompt)
                    .listener(printer)
                    .build();
            HomeAssistant assistant = new HomeAssistant(chat, options.userId(), backends.llmConnected());
            conversation(assistant, printer, options, backends.preConfiguredCost(PRE_CONFIGURED_DIALOGUES.size()));
            return 0;
        }
    }

    private void conversation(HomeAssistant assistant, TurnPrinter printer, DemoOptions options, String cost) {
        Optional<Boolean> runDialogues = options.preAnswer().or(() -> askYesNo(cost));
        if (runDialogues.isEmpty()) {
            goodbye();
            return;
        }
        console.println();
        if (runDialogues.get()) {
            executePreConfiguredDialogues(assistant, printer);
        } else {
            console.println("\uD83D\uDCDD Starting a new dialogue...");
        }

        console.println();
        console.println("\u26A1\uFE0F Each question you enter next will take place in a brand-new conversation (with a "
                + "new conversation ID). MemOS will automatically recall your historical behavioral memories across "
                + "conversations to provide you with continuous and personalized service.");
        console.println();
        console.println("\uD83C\uDFAF Here are some sample questions you can continue to ask the assistant:");
        for (int i = 0; i < SAMPLE_QUESTIONS.size(); i++) {
            console.println("  " + (i + 1) + ". " + SAMPLE_QUESTIONS.get(i));
        }

        while (true) {
            console.println();
            Optional<String> line = prompt("\uD83E\uDD14 Please enter your question (or type 'exit' to quit): ");
            if (line.isEmpty() || EXIT_WORDS.contains(line.get().toLowerCase(Locale.ROOT))) {
                goodbye();
                return;
            }
            String query = line.get();
            if (query.isEmpty()) {
                continue;
            }
            console.println("\uD83E\uDD16 Processing...");
            String conversationId = assistant.newConversationId();
            printer.answerLabel("\uD83D\uDCA1 [Assistant]: ");
            Optional<ChatReply> reply = turn(assistant, query, conversationId);
            console.println();
            console.println("\uD83D\uDCAC conversation_id: " + conversationId);
            if (!assistant.streamsAnswers()) {
                reply.ifPresent(r -> console.println("\uD83D\uDCA1 [Assistant]: " + r.answer()));
            }
            console.println();
            console.println(RULE);
        }
    }

    private void executePreConfiguredDialogues(HomeAssistant assistant, TurnPrinter printer) {
        String conversationId = assistant.newConversationId();
        console.println("\uD83D\uDD04 Executing pre-configured dialogues (conversation_id=" + conversationId + ")...");
        console.println(DOUBLE_RULE);
        for (int i = 0; i < PRE_CONFIGURED_DIALOGUES.size(); i++) {
            String query = PRE_CONFIGURED_DIALOGUES.get(i);
            console.println();
            console.println("\uD83D\uDCAC Dialogue " + (i + 1));
            console.println("\uD83D\uDC64 User: " + query);
            printer.answerLabel("\uD83E\uDD16 Assistant: ");
            Optional<ChatReply> reply = turn(assistant, query, conversationId);
            if (!assistant.streamsAnswers()) {
                reply.ifPresent(r -> console.println("\uD83E\uDD16 Assistant: " + r.answer()));
            }
            console.println(RULE.substring(0, 40));
        }
        console.println();
        console.println("\u2705 Pre-configured dialogues completed!");
        console.println(DOUBLE_RULE);
    }

    /** Runs a turn; a failure is shown and the session goes on. */
    private Optional<ChatReply> turn(HomeAssistant assistant, String query, String conversationId) {
        try {
            return Optional.of(assistant.chat(query, conversationId));
        } catch (RuntimeException e) {
            console.println("\u26A0\uFE0F  The turn failed: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Asks until the answer is yes or no; empty at end of input.
     *
     * @param cost what running the dialogues costs on this backend, e.g. the cloud's add and search calls
     */
    private Optional<Boolean> askYesNo(String cost) {
        return new Prompter(console, input, echoInput)
                .yesNo("\uD83E\uDD14 Would you like to execute the pre-configured dialogues first? " + cost
                        + " Proceed? (y/n): ");
    }

    /** Prints the prompt and reads a trimmed line; empty at end of input. */
    private Optional<String> prompt(String text) {
        return new Prompter(console, input, echoInput).line(text);
    }

    private void goodbye() {
        console.println("\uD83D\uDC4B Thank you for using the home assistant!");
    }

    private static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".memos4j", "home-assistant");
    }
}
