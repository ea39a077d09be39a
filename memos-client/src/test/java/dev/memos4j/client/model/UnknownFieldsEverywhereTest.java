package dev.memos4j.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.client.internal.Json;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model the service sends keeps the fields this version does not know, in {@code
 * additionalProperties()}, and writes them back. The list of models is read from the package, so a new
 * response model without the map fails here.
 */
class UnknownFieldsEverywhereTest {

    /** Models that are not read from a response, and why. */
    private static final Set<String> NOT_RESPONSES = Set.of(
            "ChatEvent", // a server-sent event, kept whole in raw()
            "KnowledgebaseFile", // part of a request
            "ProfileBinding", // part of a request
            "Filters", // builds request filters
            "Timestamp"); // a scalar value

    /** The smallest body each model accepts, where {@code {}} is not enough. */
    private static final Map<String, String> MINIMAL = Map.of("Message", "{\"role\":\"user\",\"content\":\"hi\"}");

    static Stream<Class<?>> responseModels() throws IOException, URISyntaxException {
        Path dir = Path.of(MemoryDetail.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve(MemoryDetail.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            List<Class<?>> models = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .filter(name -> !name.endsWith("Request") && !NOT_RESPONSES.contains(name))
                    .map(UnknownFieldsEverywhereTest::load)
                    .filter(type -> java.lang.reflect.Modifier.isPublic(type.getModifiers()))
                    .filter(type -> !isValueType(type))
                    .toList();
            assertThat(models).as("response models found").hasSizeGreaterThan(20);
            return models.stream();
        }
    }

    private static Class<?> load(String simpleName) {
        try {
            return Class.forName(MemoryDetail.class.getPackageName() + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Open "enums" such as {@code MemoryType} are one JSON string, with nothing to keep. */
    private static boolean isValueType(Class<?> type) {
        return type.isRecord()
                && type.getRecordComponents().length == 1
                && !type.getSimpleName().endsWith("Response");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseModels")
    void keepsAndWritesBackFieldsItDoesNotKnow(Class<?> type) throws Exception {
        String minimal = MINIMAL.getOrDefault(type.getSimpleName(), "{}");
        String json = minimal.substring(0, minimal.length() - 1) + (minimal.equals("{}") ? "" : ",")
                + "\"from_the_future\":{\"level\":[1,2]}}";

        Object model = Json.MAPPER.readValue(json, type);

        Method additional = type.getMethod("additionalProperties");
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) additional.invoke(model);
        assertThat(kept).containsKey("from_the_future");
        JsonNode written = Json.MAPPER.readTree(Json.write(model));
        assertThat(written.get("from_the_future")).isEqualTo(Json.MAPPER.readTree("{\"level\":[1,2]}"));
    }
}
