package dev.memos4j.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void requestsSendEveryDeclaredFieldWithNullsLikeTheOfficialClient() throws Exception {
        AddMessageRequest request = AddMessageRequest.builder()
                .agentId("agent-1")
                .addMessage(Message.user("hi"))
                .asyncMode(false)
                .allowMemoryView(List.of("kb-1"))
                .build();

        assertThat(Json.MAPPER.readTree(Json.write(request))).isEqualTo(Json.MAPPER.readTree("""
                        {"messages":[{"role":"user","content":"hi"}],"user_id":null,"agent_id":"agent-1",
                         "conversation_id":null,"info":null,"source":null,"app_id":null,"allow_public":false,
                         "allow_knowledgebase_ids":null,"allow_memory_view":["kb-1"],"tags":null,"async_mode":false}
                        """));
    }

    @Test
    void addMessageSendsOneSubjectIdAsAStringAndSeveralAsAList() throws Exception {
        AddMessageRequest several = AddMessageRequest.builder()
                .userIds(List.of("u1", "u2"))
                .agentId("agent-1")
                .addMessage(Message.user("hi"))
                .build();

        var json = Json.MAPPER.readTree(Json.write(several));
        assertThat(json.get("user_id")).isEqualTo(Json.MAPPER.readTree("[\"u1\",\"u2\"]"));
        assertThat(json.get("agent_id").asText()).isEqualTo("agent-1");
        assertThat(several.userIds()).containsExactly("u1", "u2");
        assertThat(several.userId()).as("no single user among several").isEmpty();
        assertThat(several.agentId()).contains("agent-1");
        assertThat(several.toBuilder().build()).isEqualTo(several);

        AddMessageRequest one = several.toBuilder().userId("u1").agentId(null).build();
        json = Json.MAPPER.readTree(Json.write(one));
        assertThat(json.get("user_id").isTextual()).isTrue();
        assertThat(json.get("agent_id").isNull()).isTrue();
        assertThat(one.agentIds()).isEmpty();
    }

    @Test
    void addMessageReadsSubjectIdsAsStringListOrNull() throws Exception {
        AddMessageRequest list = Json.MAPPER.readValue(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"user_id\":[\"u1\",\"u2\"],\"agent_id\":null}",
                AddMessageRequest.class);
        assertThat(list.userIds()).containsExactly("u1", "u2");
        assertThat(list.agentIds()).isEmpty();

        AddMessageRequest text = Json.MAPPER.readValue(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"agent_id\":\"a\"}", AddMessageRequest.class);
        assertThat(text.agentIds()).containsExactly("a");
        assertThat(text.userId()).isEmpty();

        assertThatThrownBy(() -> Json.MAPPER.readValue(
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"user_id\":[\"\"]}",
                        AddMessageRequest.class))
                .hasMessageContaining("user_id must not be blank");
    }

    @Test
    void requestsReadFromJsonApplyDefaultsAndValidation() throws Exception {
        SearchMemoryRequest parsed = Json.MAPPER.readValue(
                "{\"query\":\"q\",\"user_id\":\"u\",\"relativity\":null}", SearchMemoryRequest.class);
        assertThat(parsed.memoryLimitNumber()).isEqualTo(6);
        assertThat(parsed.includePreference()).isTrue();
        assertThat(parsed.relativity()).isEmpty();

        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"query\":\"q\"}", SearchMemoryRequest.class))
                .hasMessageContaining("exactly one of user_id or agent_id is required");
    }

    @Test
    void searchResponseAcceptsExplicitNullPreferenceNoteAndKeepsUnknownFields() throws Exception {
        SearchMemoryResponse response = Json.MAPPER.readValue("""
                {"memory_detail_list":[{"id":"m1","memory_value":"zoo","create_time":1765359875901,
                  "relativity":"0.5","novel":{"a":1}}],
                 "preference_note":null,"brand_new_list":[1]}
                """, SearchMemoryResponse.class);

        assertThat(response.preferenceNote()).isEmpty();
        assertThat(response.preferences()).isEmpty();
        MemoryDetail memory = response.memories().get(0);
        assertThat(memory.relativity()).contains(0.5);
        assertThat(memory.createTime().flatMap(Timestamp::epochMillis)).contains(1765359875901L);
        assertThat(memory.additionalProperties()).containsKey("novel");
        assertThat(response.additionalProperties()).containsKey("brand_new_list");
        assertThat(Json.write(memory)).contains("\"create_time\":1765359875901").contains("\"novel\"");
    }

    @Test
    void timestampsAcceptStringsToo() {
        assertThat(Timestamp.ofText("2025-12-10 09:44:01").epochMillis()).contains(1765359841000L);
        assertThat(Timestamp.ofText("1765359875901").epochMillis()).contains(1765359875901L);
        assertThat(Timestamp.ofText("last Tuesday").toInstant()).isEmpty();
    }

    @Test
    void deleteSendsOnlyTheActiveMode() {
        assertThat(Json.write(DeleteMemoryRequest.byUser("user-1"))).isEqualTo("{\"user_id\":\"user-1\"}");
        assertThatThrownBy(() -> new DeleteMemoryRequest(null, null, null, null, null))
                .hasMessageContaining("exactly one delete condition is required");
    }

    @Test
    void convenienceAccessorsAreNotWrittenAsFields() throws Exception {
        PreferenceDetail preference = Json.MAPPER.readValue(
                "{\"id\":\"p1\",\"preference\":\"three key points\",\"preference_type\":\"explicit_preference\"}",
                PreferenceDetail.class);

        assertThat(preference.isExplicit()).isTrue();
        assertThat(Json.MAPPER.readTree(Json.write(preference)).fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("id", "preference", "preference_type", "sources", "info")
                .doesNotContain("explicit");
    }
}
