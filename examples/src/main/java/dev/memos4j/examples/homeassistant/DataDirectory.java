package dev.memos4j.examples.homeassistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Clears the embedded engine's data directory for {@code --reset}, refusing anything that is not one. */
final class DataDirectory {

    private DataDirectory() {}

    /**
     * Deletes the index files in {@code directory}. Only a directory that holds nothing but a search index
     * (plain files, with a {@code segments_N} commit) is cleared, so a mistyped {@code --data-dir} pointing
     * at, say, the home directory deletes nothing.
     *
     * @return how many files were deleted
     * @throws IllegalArgumentException when the directory holds anything but index files
     */
    static int reset(Path directory) {
        if (!Files.exists(directory)) {
            return 0;
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--data-dir " + directory + " is not a directory");
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(directory)) {
            entries = listing.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        if (entries.isEmpty()) {
            return 0;
        }
        boolean onlyFiles = entries.stream().allMatch(Files::isRegularFile);
        boolean isIndex =
                entries.stream().anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        if (!onlyFiles || !isIndex) {
            throw new IllegalArgumentException("--reset refused: " + directory
                    + " does not look like a memory data directory (it holds other files or folders)");
        }
        for (Path entry : entries) {
            try {
                Files.delete(entry);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + entry, e);
            }
        }
        return entries.size();
    }
}
