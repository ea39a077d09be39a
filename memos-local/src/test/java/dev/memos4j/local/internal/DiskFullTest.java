package dev.memos4j.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.errors.MemosServiceException;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

/**
 * A full disk, injected as a directory that cannot create files: a write fails with a clear, retryable 503
 * while it lasts, stores nothing, keeps what was acknowledged, and writes work again once space is back,
 * without a restart.
 */
class DiskFullTest {

    /** A directory whose new files fail to be created while {@link #full} is set, as on a full disk. */
    static final class FullDisk extends FilterDirectory {
        volatile boolean full;

        FullDisk(Directory in) {
            super(in);
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
            return super.createOutput(name, context);
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
            return super.createTempOutput(prefix, suffix, context);
        }
    }

    @Test
    void writesFailWhileTheDiskIsFullAndResumeByThemselvesAfterwards() throws Exception {
        FullDisk disk = new FullDisk(new ByteBuffersDirectory());
        try (MemoryIndex index = MemoryIndex.on(disk, "none")) {
            index.write(List.of(item("acknowledged", 1)), List.of());

            disk.full = true;
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> index.write(List.of(item("lost-" + System.nanoTime(), 2)), List.of()))
                        .isInstanceOf(MemosServiceException.class)
                        .hasMessageContaining("No space left on device")
                        .hasMessageContaining("resume")
                        .satisfies(e -> assertThat(((MemosServiceException) e).statusCode())
                                .isEqualTo(503));
            }
            assertThat(index.writeProblem())
                    .hasValueSatisfying(p -> assertThat(p).contains("No space left"));
            assertThat(ids(index)).containsExactly("acknowledged"); // reads go on

            disk.full = false;
            index.write(List.of(item("after", 3)), List.of());

            assertThat(index.writeProblem()).isEmpty();
            assertThat(ids(index)).containsExactlyInAnyOrder("acknowledged", "after");
        }
    }

    private static List<String> ids(MemoryIndex index) {
        return index.find(new MatchAllDocsQuery(), null, 0, 100).stream()
                .map(StoredItem::id)
                .toList();
    }

    private static MemoryIndex.IndexedItem item(String id, long seq) {
        return new MemoryIndex.IndexedItem(IndexFormatUpgradeTest.memory(id, "text of " + id, "c1", seq), null, null);
    }
}
