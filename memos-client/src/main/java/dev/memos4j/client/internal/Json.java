package dev.memos4j.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one configured {@link JsonMapper} of memos4j. Unknown properties are tolerated (models keep them),
 * {@code Optional} is understood, and nothing depends on the platform's default charset.
 *
 * <p>{@code java.time} values (in {@code info} and other free-form maps) are written as ISO-8601 strings:
 * an {@code Instant} as {@code "2026-12-02T10:15:30Z"}, a {@code LocalDate} as {@code "2026-12-02"}, an
 * {@code OffsetDateTime} with its offset, a {@code Duration} as {@code "PT1H"}. Strings, because the
 * service only filters on string values of {@code info}, and they read back with each type's
 * {@code parse}.
 *
 * <p>Applications use {@link dev.memos4j.client.MemosJson#jsonMapper()} instead.
 */
@Internal
public final class Json {

    /** Shared, thread-safe mapper. Do not reconfigure it. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // Keep the offset an OffsetDateTime was written with instead of shifting it to UTC.
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {}

    /** Serialises a value, turning Jackson's checked exception into an unchecked one. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The UTF-8 JSON body of a request, with extra fields merged in; an extra field replaces a modelled
     * field of the same name.
     */
    public static byte[] body(Object request, Map<String, Object> additionalProperties) {
        if (additionalProperties.isEmpty()) {
            return write(request).getBytes(StandardCharsets.UTF_8);
        }
        JsonNode tree = tree(request);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("additional body properties need a JSON object body");
        }
        additionalProperties.forEach((name, value) -> object.set(name, tree(value)));
        return write(object).getBytes(StandardCharsets.UTF_8);
    }

    /** Serialises a value with indentation, for display. */
    public static String writePretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Converts a value to a JSON tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
