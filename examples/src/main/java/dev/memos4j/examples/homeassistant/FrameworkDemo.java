package dev.memos4j.examples.homeassistant;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.MemosClientBuilder;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The home-assistant scenario on a chat framework (Spring AI, LangChain4j): the pre-configured dialogues in
 * one conversation, then each question in a new one, with memory recalled and stored by the framework
 * integration. Without {@code OPENAI_API_KEY} the model is an offline stand-in that echoes what it was given;
 * its "answers" are then not stored (they would only repeat earlier memories), the user's own words are.
 */
final class FrameworkDemo {

    /** One framework's assistant for one user. */
    interface Assistant {
        /**
         * Answers in a conversation, streaming the answer's pieces.
         *
         * @param recalled receives the texts of the memories the framework put into the prompt
         * @return the whole answer
         */
        String chat(String conversationId, String query, Consumer<String> deltas, Consumer<List<String>> recalled);
    }

    /** How a framework builds its assistant. */
    interface Framework {
        /** The framework's name, e.g. {@code Spring AI}. */
        String name();

        /** The runnable jar, for the usage text. */
        String jar();

        /**
         * The assistant over a memory client: the framework's OpenAI model when {@code connected} (storing each
         * exchange before the next question), else the offline stand-in (storing nothing itself).
         *
         * @param banner receives the line that names the model
         */
        Assistant open(
                MemosClient memos, String userId, Map<String, String> env, boolean connected, List<String> banner);
    }

    private static final Set<String> EXIT_WORDS = Set.of("exit", "quit", "q");

    private final Console console;
    private final Prompter prompter;
    private final boolean quiet;

    private FrameworkDemo(Console console, Prompter prompter, boolean quiet) {
        this.console = console;
        this.prompter = prompter;
        this.quiet = quiet;
    }

    /** Runs a framework's demo on the terminal, its memories in {@code ~/.memos4j/<dataDirectoryName>}. */
    static void main(Framework framework, String dataDirectoryName, String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path data = Path.of(System.getProperty("user.home"), ".memos4j", dataDirectoryName);
        // Piped input is not shown by a terminal: echo it so the transcript reads like a conversation.
        int status =
                run(framework, Arrays.asList(args), System.getenv(), System.in, out, data, System.console() == null);
        if (status != 0) {
            System.exit(status);
        }
    }

    static String usage(Framework framework) {
        return String.join(
                "\n",
                "Usage: java -jar examples/target/" + framework.jar() + " [options]",
                "",
                "The home assistant on " + framework.name() + ": memos4j recalls the user's memories into each prompt",
                "and stores each exchange.",
                "",
                "Options:",
                "  --yes, -y            run the pre-configured dialogues without asking (--no, -n: skip them)",
                "  --quiet, -q          show only the conversation (not the recalled memories)",
                "  --user-id ID         whose memories to use (default " + DemoOptions.DEFAULT_USER_ID + ")",
                "  --data-dir DIR       where the embedded engine keeps memories",
                "  --reset              delete the memories in the data directory first",
                "  --local              use the embedded engine even when MEMOS_API_KEY is set",
                "  --help, -h           print this help",
                "",
                "Environment: MEMOS_API_KEY (MemOS cloud), OPENAI_API_KEY (answer with OpenAI; OPENAI_MODEL,",
                "OPENAI_BASE_URL). Without OPENAI_API_KEY an offline stand-in echoes what the model would be given.");
    }

    static int run(
            Framework framework,
            List<String> args,
            Map<String, String> env,
            InputStream in,
            PrintStream out,
            Path defaultDataDirectory,
            boolean echoInput) {
        List<String> secrets = new ArrayList<>();
        secrets.add(env.get(MemosClientBuilder.ENV_API_KEY));
        secrets.add(env.get("OPENAI_API_KEY"));
        Console console = new Console(out, secrets);
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            console.println("Error: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            console.println(usage(framework));
            return 0;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        FrameworkDemo demo = new FrameworkDemo(console, new Prompter(console, reader, echoInput), options.quiet());
        console.println("\uD83C\uDFE0 The MemOS home assistant on " + framework.name() + ".");
        List<String> banner = new ArrayList<>();
        MemosClient memos;
        try {
            memos = DemoBackends.openMemory(options, env, defaultDataDirectory, console, banner);
        } catch (RuntimeException e) {
            console.println("\u274C Cannot start: " + e.getMessage());
            return 1;
        }
        try (memos) {
            boolean connected = Optional.ofNullable(env.get("OPENAI_API_KEY"))
                    .filter(k -> !k.isBlank())
                    .isPresent();
            Assistant assistant = framework.open(memos, options.userId(), env, connected, banner);
            banner.forEach(console::println);
            console.println("   User: " + options.userId());
            demo.conversation(assistant, memos, options, connected);
            return 0;
        }
    }

    private void conversation(Assistant assistant, MemosClient memos, DemoOptions options, boolean connected) {
        Optional<Boolean> dialogues = options.preAnswer()
                .or(() -> prompter.yesNo("\uD83E\uDD14 Run the pre-configured dialogues first? (y/n): "));
        if (dialogues.isEmpty()) {
            console.println("\uD83D\uDC4B Goodbye!");
            return;
        }
        int conversation = 0;
        if (dialogues.get()) {
            String id = String.format("conversation_%03d", ++conversation);
            console.println("\uD83D\uDD04 Pre-configured dialogues (conversation_id=" + id + ")");
            for (String query : HomeAssistantDemo.PRE_CONFIGURED_DIALOGUES) {
                console.println("\uD83D\uDC64 User: " + query);
                turn(assistant, memos, options.userId(), id, query, connected);
            }
            console.println("\u2705 Pre-configured dialogues completed!");
        }
        console.println("\u26A1\uFE0F Each question now starts a new conversation; memories carry over. Try:");
        HomeAssistantDemo.SAMPLE_QUESTIONS.forEach(q -> console.println("  - " + q));
        while (true) {
            Optional<String> line = prompter.line("\uD83E\uDD14 Your question (or 'exit'): ");
            if (line.isEmpty() || EXIT_WORDS.contains(line.get().toLowerCase(Locale.ROOT))) {
                console.println("\uD83D\uDC4B Goodbye!");
                return;
            }
            if (!line.get().isEmpty()) {
                String id = String.format("conversation_%03d", ++conversation);
                turn(assistant, memos, options.userId(), id, line.get(), connected);
                console.println("\uD83D\uDCAC conversation_id: " + id);
            }
        }
    }

    private void turn(
            Assistant assistant,
            MemosClient memos,
            String userId,
            String conversationId,
            String query,
            boolean connected) {
        try {
            List<String> recalled = new ArrayList<>();
            console.print("\uD83E\uDD16 Assistant: ");
            assistant.chat(conversationId, query, console::print, recalled::addAll);
            console.println();
            if (!quiet) {
                console.println("\uD83D\uDD0E Recalled " + recalled.size() + " memories");
                recalled.forEach(t -> console.println("   - " + t.replace('\n', ' ')));
            }
            if (!connected) {
                // The stand-in's echo is not an answer worth remembering; the user's own words are.
                memos.addMessage(AddMessageRequest.builder()
                                .userId(userId)
                                .conversationId(conversationId)
                                .addMessage(Message.user(query))
                                .build())
                        .join();
            }
        } catch (RuntimeException e) {
            console.println();
            console.println("\u26A0\uFE0F  The turn failed: " + e.getMessage());
        }
    }
}
