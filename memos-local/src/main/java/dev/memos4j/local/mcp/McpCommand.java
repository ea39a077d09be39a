package dev.memos4j.local.mcp;

import dev.memos4j.client.MemosClient;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code mcp} command of {@code memos-local-server.jar}: an MCP server on stdio over the local engine
 * or MemOS cloud.
 *
 * <pre>
 * java -jar memos-local-server.jar mcp --data-dir ./memos-data --user-id alice
 * MEMOS_API_KEY=... java -jar memos-local-server.jar mcp --memos-url https://memos.memtensor.cn/api/openmem/v1 --user-id alice
 * </pre>
 */
public final class McpCommand {

    /** Read when {@code --user-id} is not given, as the MemOS MCP server does. */
    public static final String USER_ID_ENV = "MEMOS_USER_ID";
    /** The user when neither {@code --user-id} nor {@code $MEMOS_USER_ID} names one, as upstream's default. */
    public static final String DEFAULT_USER_ID = "default_user";

    static final String USAGE = """
            Usage: java -jar memos-local-server.jar mcp (--data-dir DIR | --in-memory | --memos-url URL) [--user-id U]

            Serves the memory tools to an MCP host over stdio (standard input and output). Nothing but MCP
            messages is written to standard output; logs go to standard error.

            Options:
              --data-dir DIR     the local engine, stored in DIR (created if missing)
              --in-memory        the local engine, in memory only; lost on exit
              --memos-url URL    MemOS cloud or a MemOS server at URL; the key comes from $MEMOS_API_KEY
              --embedder NAME    the local engine's embedding model: bge-small (default), minilm, or none
                                 (keyword search only: starts at once, no native model)
              --user-id U        the user whose memories the tools reach
                                 (default: $MEMOS_USER_ID, else default_user)
              --help             show this help
            """;

    private McpCommand() {}

    /** The parsed command line. */
    record Options(
            Optional<Path> dataDirectory,
            boolean inMemory,
            Optional<String> memosUrl,
            String userId,
            Embedder embedder,
            boolean help) {}

    /**
     * Parses the arguments, opens the memory and serves MCP on the streams until the input ends.
     *
     * @param args the arguments after {@code mcp}
     * @param environment the process environment ({@code MEMOS_API_KEY}, {@code MEMOS_USER_ID})
     * @param in the host's messages
     * @param out the protocol stream; nothing else is written to it
     * @param err where errors and help go
     * @return the exit status: 0 after the host closed the input, 2 for bad arguments, 1 when the memory
     *     cannot be opened
     */
    public static int run(
            String[] args, Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.help()) {
            err.print(USAGE); // stdout belongs to the protocol, even for help
            return 0;
        }
        MemosClient memos;
        try {
            memos = open(options, environment);
        } catch (RuntimeException e) {
            err.println("error: could not open the memory: " + e.getMessage());
            return 1;
        }
        try (memos) {
            err.println("memos4j MCP server on stdio for user " + options.userId() + " ("
                    + options.memosUrl()
                            .orElse(options.dataDirectory().map(Path::toString).orElse("in memory")) + ")");
            MemosMcpServer.serveStdio(memos, options.userId(), in, out);
        }
        return 0;
    }

    static Options parse(String[] args, Map<String, String> environment) {
        Path dataDirectory = null;
        boolean inMemory = false;
        String memosUrl = null;
        String userId = null;
        String embedder = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String inline = null;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 2) {
                inline = option.substring(eq + 1);
                option = option.substring(0, eq);
            }
            switch (option) {
                case "--help", "-h" -> {
                    return new Options(Optional.empty(), false, Optional.empty(), "", Embedder.none(), true);
                }
                case "--in-memory" -> inMemory = true;
                case "--data-dir" -> dataDirectory = Path.of(inline != null ? inline : value(args, ++i, option));
                case "--memos-url" -> memosUrl = inline != null ? inline : value(args, ++i, option);
                case "--user-id" -> userId = inline != null ? inline : value(args, ++i, option);
                case "--embedder" -> embedder = inline != null ? inline : value(args, ++i, option);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        int backends = (dataDirectory != null ? 1 : 0) + (inMemory ? 1 : 0) + (memosUrl != null ? 1 : 0);
        if (backends != 1) {
            throw new IllegalArgumentException("exactly one of --data-dir, --in-memory and --memos-url is required");
        }
        if (userId == null) {
            userId = environment.get(USER_ID_ENV);
        }
        if (userId == null) {
            userId = DEFAULT_USER_ID;
        }
        if (userId.isBlank()) {
            throw new IllegalArgumentException("--user-id must not be blank");
        }
        if (memosUrl != null && blank(environment.get("MEMOS_API_KEY"))) {
            throw new IllegalArgumentException("--memos-url needs the API key in $MEMOS_API_KEY");
        }
        if (embedder != null && memosUrl != null) {
            throw new IllegalArgumentException("--embedder applies to the local engine, not to --memos-url");
        }
        return new Options(
                Optional.ofNullable(dataDirectory),
                inMemory,
                Optional.ofNullable(memosUrl),
                userId.trim(),
                embedder(embedder == null ? "bge-small" : embedder),
                false);
    }

    private static Embedder embedder(String name) {
        return switch (name) {
            case "bge-small" -> Embedder.bgeSmallEnV15Quantized();
            case "minilm" -> Embedder.allMiniLmL6V2Quantized();
            case "none" -> Embedder.none();
            default ->
                throw new IllegalArgumentException(
                        "--embedder must be bge-small, minilm or none (was \"" + name + "\")");
        };
    }

    private static MemosClient open(Options options, Map<String, String> environment) {
        if (options.memosUrl().isPresent()) {
            return MemosClient.builder()
                    .baseUrl(options.memosUrl().get())
                    .apiKey(environment.get("MEMOS_API_KEY"))
                    .build();
        }
        // Load the model before serving: otherwise the host's first add_memory pays for it (seconds on a busy
        // machine) and may hit the host's tool timeout.
        if (options.embedder().enabled()) {
            options.embedder().embedQuery("warm up");
        }
        LocalMemos.Builder local = LocalMemos.builder().embedder(options.embedder());
        options.dataDirectory().ifPresentOrElse(local::dataDirectory, local::inMemory);
        return local.build();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].isBlank() || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
