package dev.memos4j.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.client.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code java.time} values in {@code info} and other free-form maps go out as ISO-8601 strings and read back. */
class JavaTimeInFreeFormMapsTest {

    private static final Instant INSTANT = Instant.parse("2026-12-02T10:15:30.123Z");
    private static final LocalDate DATE = LocalDate.of(2026, 12, 2);
    private static final LocalDateTime LOCAL = LocalDateTime.of(2026, 12, 2, 10, 15, 30);
    private static final OffsetDateTime OFFSET = OffsetDateTime.of(LOCAL, ZoneOffset.ofHours(8));
    private static final Duration DURATION = Duration.ofMinutes(90);

    private static Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("seen_at", INSTANT);
        info.put("due", DATE);
        info.put("local", LOCAL);
        info.put("meeting", OFFSET);
        info.put("length", DURATION);
        info.put("nested", Map.of("dates", List.of(DATE)));
        return info;
    }

    @Test
    void javaTimeValuesInInfoAreWrittenAsIsoStrings() throws Exception {
        AddMessageRequest request = AddMessageRequest.builder()
                .userId("u")
                .addMessage(Message.user("hi"))
                .info(info())
                .build();

        JsonNode sent = Json.MAPPER.readTree(Json.write(request)).get("info");

        assertThat(sent.get("seen_at").asText()).isEqualTo("2026-12-02T10:15:30.123Z");
        assertThat(sent.get("due").asText()).isEqualTo("2026-12-02");
        assertThat(sent.get("local").asText()).isEqualTo("2026-12-02T10:15:30");
        assertThat(sent.get("meeting").asText()).isEqualTo("2026-12-02T10:15:30+08:00");
        assertThat(sent.get("length").asText()).isEqualTo("PT1H30M");
        assertThat(sent.get("nested").get("dates").get(0).asText()).isEqualTo("2026-12-02");
        sent.fields()
                .forEachRemaining(field -> assertThat(field.getValue().isArray())
                        .as(field.getKey())
                        .isFalse());
    }

    @Test
    void theStringsReadBackToTheSameValues() throws Exception {
        String json = Json.write(Map.of("info", info()));
        @SuppressWarnings("unchecked")
        Map<String, Object> back =
                (Map<String, Object>) Json.MAPPER.readValue(json, Map.class).get("info");

        assertThat(Instant.parse((String) back.get("seen_at"))).isEqualTo(INSTANT);
        assertThat(LocalDate.parse((String) back.get("due"))).isEqualTo(DATE);
        assertThat(LocalDateTime.parse((String) back.get("local"))).isEqualTo(LOCAL);
        assertThat(OffsetDateTime.parse((String) back.get("meeting"))).isEqualTo(OFFSET);
        assertThat(Duration.parse((String) back.get("length"))).isEqualTo(DURATION);
        // and typed reads of the same strings keep the offset they were written with
        assertThat(Json.MAPPER.convertValue(back.get("meeting"), OffsetDateTime.class))
                .isEqualTo(OFFSET);
        assertThat(Json.MAPPER.convertValue(back.get("seen_at"), Instant.class)).isEqualTo(INSTANT);
    }

    @Test
    void memoryInfoFromTheServiceKeepsIsoStringsAsText() throws Exception {
        MemoryDetail memory = Json.MAPPER.readValue(
                "{\"id\":\"m\",\"memory_value\":\"v\",\"info\":{\"due\":\"2026-12-02\"}}", MemoryDetail.class);
        assertThat(LocalDate.parse((String) memory.info().get("due"))).isEqualTo(DATE);
        assertThat(Json.write(memory)).contains("\"due\":\"2026-12-02\"");
    }
}
