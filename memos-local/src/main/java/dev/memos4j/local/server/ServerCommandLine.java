package dev.memos4j.local.server;

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
        boolean help) {

    /** The environment variable read when {@code --api-key} is not given, so the key stays out of {@code ps}. */
    static final String API_KEY_ENV = "MEMOS_LOCAL_API_KEY";

    static final String USAGE = """
            Usage: java -jar memos-local-server.jar --data-dir DIR [options]

            Serves a local MemOS-compatible memory engine over HTTP at http://HOST:PORT/api/openmem/v1.

            Options:
              --data-dir DIR         where memories are stored (created if missing)
              --in-memory            keep memories in memory only; they are lost on exit
              --port N               port to listen on (default 8765; 0 picks a free port)
              --host HOST            address to bind (default 127.0.0.1; other addresses need an API key)
              --api-key KEY          require "Authorization: Token KEY" (default: $MEMOS_LOCAL_API_KEY, else none)
              --max-body-mb N        largest JSON request body in MiB (default 8)
              --max-upload-mb N      largest knowledge-base upload in MiB (default 64)
              --help                 show this help
            """;

    static ServerCommandLine parse(String[] args, Map<String, String> environment) {
        String host = "127.0.0.1";
        int port = MemosServer.DEFAULT_PORT;
        Path dataDirectory = null;
        boolean inMemory = false;
        String apiKey = null;
        long maxRequestBytes = MemosServer.DEFAULT_MAX_REQUEST_BYTES;
        long maxUploadBytes = MemosServer.DEFAULT_MAX_UPLOAD_BYTES;
        List<String> list = expandInlineValues(args);
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            switch (option) {
                case "--help", "-h" -> {
                    return new ServerCommandLine(host, port, Optional.empty(), Optional.empty(), 0, 0, true);
                }
                case "--in-memory" -> inMemory = true;
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
        return new ServerCommandLine(
                host,
                port,
                Optional.ofNullable(dataDirectory),
                Optional.ofNullable(apiKey),
                maxRequestBytes,
                maxUploadBytes,
                false);
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
