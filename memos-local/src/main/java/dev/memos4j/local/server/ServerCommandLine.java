package dev.memos4j.local.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parsed command line of {@link MemosServerMain}; a bad argument is an {@link IllegalArgumentException}. */
record ServerCommandLine(
        String host,
        int port,
        Optional<Path> dataDirectory,
        Optional<String> apiKey,
        long maxRequestBytes,
        long maxUploadBytes,
        boolean insecureNoAuth,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        boolean compact,
        boolean help) {

    /** The environment variable read when {@code --api-key} is not given, so the key stays out of {@code ps}. */
    static final String API_KEY_ENV = "MEMOS_LOCAL_API_KEY";

    static final String USAGE = """
            Usage: java -jar memos-local-server.jar --data-dir DIR [options]

            Serves a local MemOS-compatible memory engine over HTTP at http://HOST:PORT/api/openmem/v1,
            and MCP at http://HOST:PORT/mcp. For MCP on stdio: java -jar memos-local-server.jar mcp --help

            Options:
              --data-dir DIR         where memories are stored (created if missing)
              --in-memory            keep memories in memory only; they are lost on exit
              --port N               port to listen on (default 8765; 0 picks a free port)
              --host HOST            address to bind (default 127.0.0.1; other addresses need an API key)
              --api-key KEY          require "Authorization: Token KEY" (default: $MEMOS_LOCAL_API_KEY, else none)
              --insecure-no-auth     allow a non-loopback --host without an API key (anyone reaching it can
                                     read and delete every memory)
              --allow-origin URL     let web pages of this origin call the server (repeatable; default none)
              --allow-host NAME      accept this name in the Host header too (repeatable)
              --max-body-mb N        largest JSON request body in MiB (default 8)
              --max-upload-mb N      largest knowledge-base upload in MiB (default 64)
              --compact              merge the stored index into one segment after start, in the background:
                                     faster searches after a bulk import (~50 s of one core at 100k memories)
              --help                 show this help

            What it accepts, from where:
              - Requests whose Host header is localhost, a loopback address, the --host address or an
                --allow-host name; anything else is refused (403), which stops DNS-rebinding pages.
              - No requests from web pages: a request with an Origin header gets 403 unless --allow-origin
                names that origin. No CORS headers are sent otherwise.
              - POST bodies of type application/json (multipart/form-data only for add/knowledgebase-file);
                any other type gets 415.
              - With an API key, every request but GET /health needs "Authorization: Token KEY".
              - A client must send its headers and body within 10 seconds, or the connection is closed.
            """;

    static ServerCommandLine parse(String[] args, Map<String, String> environment) {
        String host = "127.0.0.1";
        int port = MemosServer.DEFAULT_PORT;
        Path dataDirectory = null;
        boolean inMemory = false;
        String apiKey = null;
        long maxRequestBytes = MemosServer.DEFAULT_MAX_REQUEST_BYTES;
        long maxUploadBytes = MemosServer.DEFAULT_MAX_UPLOAD_BYTES;
        boolean insecureNoAuth = false;
        boolean compact = false;
        List<String> origins = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        List<String> list = expandInlineValues(args);
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            switch (option) {
                case "--help", "-h" -> {
                    return new ServerCommandLine(
                            host,
                            port,
                            Optional.empty(),
                            Optional.empty(),
                            0,
                            0,
                            false,
                            List.of(),
                            List.of(),
                            false,
                            true);
                }
                case "--insecure-no-auth" -> insecureNoAuth = true;
                case "--allow-origin" -> origins.add(MemosServer.checkedOrigin(value(list, ++i, option)));
                case "--allow-host" -> hosts.add(MemosServer.checkedHostName(value(list, ++i, option)));
                case "--in-memory" -> inMemory = true;
                case "--compact" -> compact = true;
                case "--data-dir" -> dataDirectory = Path.of(value(list, ++i, option));
                case "--port" -> port = integer(value(list, ++i, option), option, 0, 65535);
                case "--host" -> host = value(list, ++i, option);
                case "--api-key" -> apiKey = value(list, ++i, option);
                case "--max-body-mb" ->
                    maxRequestBytes = integer(value(list, ++i, option), option, 1, 2047) * 1024L * 1024;
                case "--max-upload-mb" ->
                    maxUploadBytes = integer(value(list, ++i, option), option, 1, 2047) * 1024L * 1024;
                default -> throw new IllegalArgumentException("unknown option: " + option + " (see --help)");
            }
        }
        if (inMemory == (dataDirectory != null)) {
            throw new IllegalArgumentException(
                    inMemory
                            ? "--data-dir and --in-memory cannot be combined"
                            : "--data-dir DIR is required (or --in-memory for a store that is lost on exit)");
        }
        if (apiKey == null) {
            apiKey = environment.get(API_KEY_ENV);
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("--api-key must not be blank");
        }
        if (apiKey != null && !apiKey.equals(apiKey.strip())) {
            // Clients send the key without the spaces, so such a key could never be matched.
            throw new IllegalArgumentException("--api-key must not begin or end with whitespace");
        }
        if (apiKey == null && !insecureNoAuth && !isLoopback(host)) {
            throw new IllegalArgumentException(MemosServer.exposedWithoutKey(host));
        }
        return new ServerCommandLine(
                host,
                port,
                Optional.ofNullable(dataDirectory),
                Optional.ofNullable(apiKey),
                maxRequestBytes,
                maxUploadBytes,
                insecureNoAuth,
                List.copyOf(origins),
                List.copyOf(hosts),
                compact,
                false);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host cannot be resolved: " + host, e);
        }
    }

    /** {@code --port=8765} becomes {@code --port 8765}. */
    private static List<String> expandInlineValues(String[] args) {
        List<String> list = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                list.add(arg.substring(0, eq));
                list.add(arg.substring(eq + 1));
            } else {
                list.add(arg);
            }
        }
        return list;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).isBlank() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int integer(String value, String option, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException(
                        option + " must be between " + min + " and " + max + " (was " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number (was \"" + value + "\")");
        }
    }

    @Override
    public String toString() {
        return "ServerCommandLine{host=" + host + ", port=" + port + ", dataDirectory=" + dataDirectory + ", apiKey="
                + (apiKey.isPresent() ? "***" : "none") + "}";
    }
}
