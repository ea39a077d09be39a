package dev.memos4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A filter only ever narrows, through the embedded API: a filter that matches nothing deletes nothing and
 * finds nothing, and a bound beyond the range of epoch milliseconds is refused naming the field.
 */
class FilterNarrowsTest {

    private LocalMemos memos;

    @BeforeEach
    void open() {
        memos = LocalMemos.builder().inMemory().embedder(Embedder.none()).build();
        for (String user : List.of("u1", "u2")) {
            memos.addMessage(AddMessageRequest.builder()
                            .userId(user)
                            .conversationId("c1")
                            .addMessage(Message.user("I prefer green tea in the morning."))
                            .addMessage(Message.user("The garage door is stuck."))
                            .addMessage(Message.user("We paint the fence on Sunday."))
                            .build())
                    .join();
        }
    }

    @AfterEach
    void close() {
        memos.close();
    }

    static List<Map<String, Object>> filtersMatchingNothing() {
        return List.of(
                Map.of("public", Map.of("and", List.of(Map.of("conversation_id", "nope")))),
                Map.of("knowledgebase", Map.of("and", List.of(Map.of("conversation_id", "nope")))),
                Map.of("and", List.of(Map.of("create_time", Map.of("gt", Long.MAX_VALUE)))),
                Map.of("and", List.of(Map.of("create_time", Map.of("lt", Long.MIN_VALUE)))),
                Map.of("and", List.of(Map.of("update_time", Map.of("gte", 5_000L, "lte", 4_000L)))),
                Map.of("and", List.of(Map.of("conversation_id", "nope"))));
    }

    @ParameterizedTest
    @MethodSource("filtersMatchingNothing")
    void aDeleteWhoseFilterMatchesNothingDeletesNothing(Map<String, Object> filter) {
        memos.deleteMemory(DeleteMemoryRequest.byFilter(filter)).join();

        for (String user : List.of("u1", "u2")) {
            GetMemoryResponse listed = list(user);
            assertThat(listed.memoryDetailList()).as(user).hasSize(2);
            assertThat(listed.preferenceDetailList()).as(user).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("filtersMatchingNothing")
    void aSearchOrListingWithAFilterMatchingNothingFindsNothing(Map<String, Object> filter) {
        SearchMemoryResponse found = memos.searchMemory(SearchMemoryRequest.builder()
                        .userId("u1")
                        .query("green tea garage door")
                        .filter(filter)
                        .build())
                .join();
        assertThat(found.memories()).isEmpty();
        assertThat(found.preferences()).isEmpty();
        assertThat(memos.getMemory(GetMemoryRequest.builder()
                                .userId("u1")
                                .filter(filter)
                                .build())
                        .join()
                        .memoryDetailList())
                .isEmpty();
    }

    static List<Object> boundsOutsideALong() {
        return List.of(1e300, -1e300, new java.math.BigInteger("1000000000000000000000000"), "99999999999999999999");
    }

    @ParameterizedTest
    @MethodSource("boundsOutsideALong")
    void boundsOutsideTheRangeOfALongAreRefusedNamingTheField(Object bound) {
        Map<String, Object> filter = Map.of("and", List.of(Map.of("create_time", Map.of("gt", bound))));

        assertThatThrownBy(() ->
                        memos.deleteMemory(DeleteMemoryRequest.byFilter(filter)).join())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filter.and[0].create_time.gt is out of range");
        assertThat(list("u1").memoryDetailList()).hasSize(2);
        assertThat(list("u2").memoryDetailList()).hasSize(2);
    }

    @org.junit.jupiter.api.Test
    void anEmptyFilterIsNotADeleteOfEverything() {
        assertThatThrownBy(() -> memos.deleteMemory(DeleteMemoryRequest.byFilter(Map.of()))
                        .join())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filter must hold at least one condition");
        assertThat(list("u1").memoryDetailList()).hasSize(2);
    }

    @org.junit.jupiter.api.Test
    void aUserBranchStillNarrowsAsBefore() {
        Map<String, Object> filter = Map.of(
                "user", Map.of("and", List.of(Map.of("conversation_id", "c1"))),
                "public", Map.of("and", List.of(Map.of("conversation_id", "nope"))));
        memos.deleteMemory(DeleteMemoryRequest.byFilter(filter)).join();
        assertThat(list("u1").memoryDetailList()).isEmpty();
        assertThat(list("u2").memoryDetailList()).isEmpty();
    }

    private GetMemoryResponse list(String user) {
        return memos.getMemory(GetMemoryRequest.builder().userId(user).build()).join();
    }
}
