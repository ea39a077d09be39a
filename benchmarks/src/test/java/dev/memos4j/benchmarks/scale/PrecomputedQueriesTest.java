package dev.memos4j.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.local.Embedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecomputedQueriesTest {

    /** Counts the queries it embeds; a query's vector is its length. */
    static final class CountingModel implements Embedder {
        final List<String> queries = new ArrayList<>();

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            return texts.stream().map(t -> new float[] {t.length()}).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            queries.add(query);
            return new float[] {query.length()};
        }

        @Override
        public String name() {
            return "counting";
        }
    }

    @Test
    void answersPrecomputedQueriesWithoutTheModelUntilForgotten() {
        CountingModel model = new CountingModel();
        PrecomputedQueries embedder = new PrecomputedQueries(model);
        embedder.precompute(List.of("weekend plans"));
        assertThat(model.queries).containsExactly("weekend plans");

        assertThat(embedder.embedQuery("weekend plans")).containsExactly(13f);
        assertThat(embedder.embedQuery("zoo")).containsExactly(3f);
        assertThat(model.queries).containsExactly("weekend plans", "zoo");

        embedder.forget();
        embedder.embedQuery("weekend plans");
        assertThat(model.queries).containsExactly("weekend plans", "zoo", "weekend plans");
        assertThat(embedder.name()).isEqualTo("counting");
        assertThat(embedder.embed(List.of("ab")))
                .singleElement()
                .satisfies(v -> assertThat(v).containsExactly(2f));
    }

    @Test
    void aModelWithoutVectorsIsNeverAskedForQueries() {
        PrecomputedQueries embedder = new PrecomputedQueries(Embedder.none());
        embedder.precompute(List.of("anything"));
        assertThat(embedder.enabled()).isFalse();
    }
}
