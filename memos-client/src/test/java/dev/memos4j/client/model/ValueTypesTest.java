package dev.memos4j.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timestamps, open value types and the decoded detail records as a caller sees them. */
class ValueTypesTest {

    private static final Instant NOON = Instant.parse("2025-12-10T12:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1765368000000                   | 2025-12-10T12:00:00Z",
                "2025-12-10T12:00:00Z            | 2025-12-10T12:00:00Z",
                "2025-12-10T14:00:00+02:00       | 2025-12-10T12:00:00Z",
                "2025-12-10T12:00:00.000Z        | 2025-12-10T12:00:00Z",
                "2025-12-10T12:00:00             | 2025-12-10T12:00:00Z",
                "2025-12-10T12:00                | 2025-12-10T12:00:00Z",
                "2025-12-10 12:00:00             | 2025-12-10T12:00:00Z",
                "2025-12-10 12:00                | 2025-12-10T12:00:00Z",
            })
    void readsEveryTextFormTheServiceUses(String text, String expected) {
        Timestamp timestamp = Timestamp.ofText(text);

        assertThat(timestamp.toInstant()).contains(Instant.parse(expected));
        assertThat(timestamp.raw()).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {"yesterday", "12/10/2025", "2025-13-45 99:99", "''", "1234567890123456789012"})
    void keepsTextItCannotReadAsIs(String text) {
        Timestamp timestamp = Timestamp.ofText(text);

        assertThat(timestamp.toInstant()).isEmpty();
        assertThat(timestamp.epochMillis()).isEmpty();
        assertThat(timestamp.toString()).isEqualTo(text);
    }

    @Test
    void keepsItsJsonFormWhenWrittenBack() throws Exception {
        Timestamp number = Json.MAPPER.readValue("1765368000000", Timestamp.class);
        Timestamp text = Json.MAPPER.readValue("\"1765368000000\"", Timestamp.class);

        assertThat(Json.MAPPER.writeValueAsString(number)).isEqualTo("1765368000000");
        assertThat(Json.MAPPER.writeValueAsString(text)).isEqualTo("\"1765368000000\"");
        assertThat(number.toInstant()).isEqualTo(text.toInstant()).contains(NOON);
        assertThat(number).isNotEqualTo(text);
        assertThat(number)
                .isEqualTo(Timestamp.of(NOON))
                .hasSameHashCodeAs(Timestamp.ofEpochMillis(NOON.toEpochMilli()));
        assertThat(Timestamp.of(NOON).epochMillis()).contains(NOON.toEpochMilli());
        assertThatThrownBy(() -> Timestamp.ofText(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }

    @Test
    void openValueTypesAcceptValuesThisVersionDoesNotKnow() throws Exception {
        assertThat(TaskStatus.of("completed")).isEqualTo(TaskStatus.COMPLETED);
        assertThat(TaskStatus.of("queued").isTerminal()).isFalse();
        assertThat(TaskStatus.FAILED.isTerminal()).isTrue();
        assertThat(TaskStatus.RUNNING.isTerminal()).isFalse();
        assertThat(Json.MAPPER.readValue("\"archived\"", TaskStatus.class).value())
                .isEqualTo("archived");

        assertThat(Role.of("tool")).isEqualTo(Role.TOOL);
        assertThat(Role.of("critic").toString()).isEqualTo("critic");
        assertThat(MemoryType.of("LongTermMemory")).isEqualTo(MemoryType.LONG_TERM_MEMORY);
        assertThat(MemoryType.of("SkillMemory").toString()).isEqualTo("SkillMemory");
        assertThat(PreferenceType.of("explicit_preference")).isEqualTo(PreferenceType.EXPLICIT);
        assertThat(PreferenceType.IMPLICIT.toString()).isEqualTo("implicit_preference");
        assertThat(Json.MAPPER.writeValueAsString(List.of(Role.USER, MemoryType.USER_MEMORY, PreferenceType.IMPLICIT)))
                .isEqualTo("[\"user\",\"UserMemory\",\"implicit_preference\"]");

        assertThatThrownBy(() -> TaskStatus.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Role.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MemoryType.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PreferenceType.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void preferenceDetailDecodesAndSaysWhetherItWasStated() throws Exception {
        PreferenceDetail stated = Json.MAPPER.readValue("""
                {"id": "p1", "preference": "Likes quiet mornings", "preference_type": "explicit_preference",
                 "reasoning": "said so", "create_time": 1765368000000, "update_time": "2025-12-11 08:00:00",
                 "conversation_id": "c1", "status": "activated", "relativity": 0.8,
                 "sources": [{"role": "user"}], "info": {"room": "bedroom"}, "weight": 3}
                """, PreferenceDetail.class);

        assertThat(stated.isExplicit()).isTrue();
        assertThat(stated.time()).map(Timestamp::raw).contains("2025-12-11 08:00:00");
        assertThat(stated.reasoning()).contains("said so");
        assertThat(stated.relativity()).contains(0.8);
        assertThat(stated.info()).containsEntry("room", "bedroom");
        assertThat(stated.additionalProperties()).containsEntry("weight", 3);
        assertThat(Json.MAPPER.valueToTree(stated).get("weight").asInt()).isEqualTo(3);

        PreferenceDetail inferred = Json.MAPPER.readValue("""
                {"preference": "Drinks tea", "preference_type": "implicit_preference", "create_time": 1765368000000}
                """, PreferenceDetail.class);
        assertThat(inferred.isExplicit()).isFalse();
        assertThat(inferred.id()).isEmpty();
        assertThat(inferred.time()).flatMap(Timestamp::toInstant).contains(NOON);
        assertThat(inferred.sources()).isEmpty();

        PreferenceDetail bare = Json.MAPPER.readValue("{}", PreferenceDetail.class);
        assertThat(bare.isExplicit()).isFalse();
        assertThat(bare.time()).isEmpty();
        assertThat(bare.preference()).isEmpty();
    }

    @Test
    void extractionResultsKeepUnknownFieldsAndNormaliseAbsentOnes() throws Exception {
        ExtractMemoryResponse response = Json.MAPPER.readValue("""
                {"success": true,
                 "memory_detail_list": [{"memory_key": "Zoo", "memory_value": "Zoo on Saturday", "memory_type": "UserMemory",
                                         "tags": ["plan"], "score": 1}],
                 "preference_detail_list": [{"preference": "Likes zoos", "reasoning": "asked twice",
                                             "preference_type": "implicit_preference", "note": "x"}]}
                """, ExtractMemoryResponse.class);

        assertThat(response.success()).isTrue();
        assertThat(response.memoryDetailList()).singleElement().satisfies(m -> {
            assertThat(m.memoryKey()).contains("Zoo");
            assertThat(m.additionalProperties()).containsEntry("score", 1);
        });
        assertThat(response.preferenceDetailList())
                .singleElement()
                .satisfies(p -> assertThat(p.reasoning()).contains("asked twice"));
        ExtractedMemory memory = Json.MAPPER.readValue(
                "{\"memory_value\": \"Zoo on Saturday\", \"memory_type\": \"UserMemory\", \"tags\": [\"plan\"], \"score\": 1}",
                ExtractedMemory.class);
        assertThat(memory.memoryType()).contains(MemoryType.USER_MEMORY);
        assertThat(memory.tags()).containsExactly("plan");
        assertThat(memory.memoryKey()).isEmpty();
        assertThat(memory.additionalProperties()).containsEntry("score", 1);
        assertThat(Json.MAPPER.readValue("{}", ExtractedMemory.class).memoryValue())
                .isEmpty();

        ExtractedPreference preference = Json.MAPPER.readValue(
                "{\"preference\": \"Likes zoos\", \"preference_type\": \"implicit_preference\", \"note\": \"x\"}",
                ExtractedPreference.class);
        assertThat(preference.preferenceType()).contains(PreferenceType.IMPLICIT);
        assertThat(preference.reasoning()).isEmpty();
        assertThat(preference.additionalProperties()).containsEntry("note", "x");
        assertThat(Json.MAPPER.readValue("{}", ExtractedPreference.class).preference())
                .isEmpty();
    }

    @Test
    void rerankResultsKeepTheirDocument() throws Exception {
        RerankResult result = Json.MAPPER.readValue(
                "{\"index\": 2, \"relevance_score\": 0.91, \"document\": {\"text\": \"zoo\"}, \"extra\": true}",
                RerankResult.class);

        assertThat(result.index()).isEqualTo(2);
        assertThat(result.relevanceScore()).isEqualTo(0.91);
        assertThat(result.document()).contains(Map.of("text", "zoo"));
        assertThat(result.additionalProperties()).containsEntry("extra", true);
        assertThat(Json.MAPPER
                        .readValue("{\"index\": 0, \"relevance_score\": 0}", RerankResult.class)
                        .document())
                .isEqualTo(Optional.empty());
    }

    @Test
    void messageTextFromStringsAndParts() {
        Message parts = new Message(
                Role.USER,
                List.of(
                        Map.of("type", "text", "text", "first"),
                        Map.of("type", "image_url", "image_url", "https://example.com/a.png"),
                        Map.of("type", "text", "text", "second")),
                null,
                null,
                null,
                Map.of("name", "ana"));
        assertThat(parts.text()).isEqualTo("first\nsecond");
        assertThat(parts.additionalProperties()).containsEntry("name", "ana");

        Message toolCall =
                new Message(Role.ASSISTANT, null, null, Optional.of(List.of(Map.of("id", "call-1"))), null, null);
        assertThat(toolCall.text()).isEmpty();

        Message timed = Message.system("Be brief").withChatTime("2025-12-10 12:00:00");
        assertThat(timed.chatTime()).contains("2025-12-10 12:00:00");
        assertThat(timed.role()).isEqualTo(Role.SYSTEM);
        assertThat(timed.text()).isEqualTo("Be brief");
        assertThat(Message.of(Role.TOOL, "42").role()).isEqualTo(Role.TOOL);
        assertThatThrownBy(() -> Message.user(null)).hasMessage("content is required");
    }
}
