package dev.memos4j.benchmarks.client;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memos4j.benchmarks.support.Args;
import dev.memos4j.benchmarks.support.Canned;
import dev.memos4j.client.MemosJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code stub}: the canned server of {@code client} as a process of its own, so that {@code client --url}
 * measures against a server outside the client's JVM (its own heap, GC and JIT). Every request gets the
 * same {@code search/memory} envelope, sized with {@code --body-bytes}; {@code --write-body FILE} only
 * writes that envelope, for another server (nginx) to serve.
 */
public final class StubServer {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    private StubServer() {}

    /**
     * Runs the command until the process is stopped.
     *
     * @param arguments {@code [--port N] [--body-bytes N] [--threads N] [--write-body FILE]}
     * @return the exit code
     * @throws Exception when the server cannot start
     */
    public static int run(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, Set.of("port", "body-bytes", "threads", "write-body"), Set.of());
        byte[] body = args.text("body-bytes").isPresent()
                ? envelopeOfSize(args.positiveInt("body-bytes", 3072))
                : Canned.searchResponseBytes();
        if (args.text("write-body").isPresent()) {
            Path file = Path.of(args.text("write-body").get());
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent()); // nginx serves it from a path like api/openmem/v1/...
            }
            Files.write(file, body);
            System.out.printf(Locale.ROOT, "wrote a search/memory envelope of %d bytes to %s%n", body.length, file);
            return 0;
        }
        int port = args.positiveInt("port", 18080);
        int threads = args.positiveInt("threads", 4);
        try (CannedServer server = new CannedServer(body, threads, port)) {
            System.out.printf(
                    Locale.ROOT,
                    "stub: %d-byte search/memory envelope, %d threads; base URL %s%n",
                    body.length,
                    threads,
                    server.baseUrl());
            new CountDownLatch(1).await(); // until the process is stopped
        }
        return 0;
    }

    /**
     * The canned envelope cut down (fewer memories and preferences) and padded (a longer memory text) to
     * exactly {@code bytes} bytes of compact JSON, still a valid {@code search/memory} answer.
     *
     * @param bytes the wanted size
     * @return the envelope
     * @throws IllegalArgumentException when even one memory does not fit
     */
    static byte[] envelopeOfSize(int bytes) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Canned.searchResponseBytes());
            ObjectNode data = (ObjectNode) root.get("data");
            ArrayNode memories = (ArrayNode) data.get("memory_detail_list");
            ArrayNode preferences = (ArrayNode) data.get("preference_detail_list");
            while (size(root) > bytes && preferences.size() > 0) {
                preferences.remove(preferences.size() - 1);
            }
            while (size(root) > bytes && memories.size() > 1) {
                memories.remove(memories.size() - 1);
            }
            int missing = bytes - size(root);
            if (missing < 0) {
                throw new IllegalArgumentException(
                        "--body-bytes must be at least " + size(root) + " (one memory), got " + bytes);
            }
            ObjectNode first = (ObjectNode) memories.get(0);
            first.put("memory_value", first.get("memory_value").asText() + " ".repeat(missing));
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int size(ObjectNode root) throws IOException {
        return JSON.writeValueAsBytes(root).length;
    }
}
