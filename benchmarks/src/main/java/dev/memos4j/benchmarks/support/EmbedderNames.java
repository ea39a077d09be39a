package dev.memos4j.benchmarks.support;

import dev.memos4j.local.Embedder;
import java.util.Optional;

/** The embedders the {@code --embedder} option of the commands names. */
public final class EmbedderNames {

    private EmbedderNames() {}

    /**
     * The embedder of a name.
     *
     * @param name {@code default}, {@code bge}, {@code minilm} or {@code none}
     * @return the embedder, or empty for any other name
     */
    public static Optional<Embedder> named(String name) {
        return switch (name) {
            case "default" -> Optional.of(Embedder.defaultModel());
            case "bge" -> Optional.of(Embedder.bgeSmallEnV15Quantized());
            case "minilm" -> Optional.of(Embedder.allMiniLmL6V2Quantized());
            case "none" -> Optional.of(Embedder.none());
            default -> Optional.empty();
        };
    }
}
