package dev.memos4j.local.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.memos4j.client.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns request bodies into request models. The models' constructors validate and apply defaults; this
 * class only translates Jackson's failures into 400 replies that name the field and the rule.
 */
final class JsonBodies {

    private JsonBodies() {}

    /** Parses a body that must be a JSON object; an empty body counts as {@code {}}. */
    static JsonNode object(byte[] body) {
        if (isBlank(body)) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body);
        } catch (StreamReadException e) {
            throw new ApiException(400, ApiException.INVALID_PARAMETER, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, ApiException.INVALID_PARAMETER, "malformed JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new ApiException(
                    400,
                    ApiException.INVALID_PARAMETER,
                    "request body must be a JSON object (was " + describe(tree.getNodeType()) + ")");
        }
        return tree;
    }

    /** Binds a JSON object to a request model, reporting validation and type errors as 400. */
    static <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw translate(e);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * Refuses fields the endpoint does not know, naming them. Used where a misspelt field would otherwise
     * be ignored and the request would do more than meant (the destructive endpoints).
     */
    static JsonNode onlyFields(JsonNode tree, String endpoint, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        tree.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ApiException(
                    400,
                    ApiException.INVALID_PARAMETER,
                    "unknown field" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown) + " in "
                            + endpoint + " (it accepts "
                            + known.stream().sorted().collect(Collectors.joining(", "))
                            + ")");
        }
        return tree;
    }

    /** A required, non-blank string field. */
    static String requiredText(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            throw ApiException.badRequest(field + " is required");
        }
        if (!value.isValueNode() || value.isBinary()) {
            throw wrongType(field, "string", value.getNodeType());
        }
        return value.asText();
    }

    /** A required, non-empty array of non-blank strings. */
    static List<String> requiredTextList(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
            throw ApiException.badRequest(field + " is required");
        }
        if (!value.isArray()) {
            throw wrongType(field, "array of strings", value.getNodeType());
        }
        List<String> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new ApiException(
                        400, ApiException.INVALID_PARAMETER, field + " must contain only non-empty strings");
            }
            items.add(item.asText());
        }
        return List.copyOf(items);
    }

    /** Maps a Jackson failure to a 400 that names the field; the model's own message wins when present. */
    static ApiException translate(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null) {
                return ApiException.badRequest(t.getMessage());
            }
        }
        if (e instanceof StreamReadException read) {
            return new ApiException(
                    400, ApiException.INVALID_PARAMETER, "malformed JSON: " + read.getOriginalMessage());
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expectedType(mismatch.getTargetType());
            return new ApiException(
                    400,
                    ApiException.INVALID_PARAMETER,
                    field.isEmpty()
                            ? "request body has the wrong type (expected " + expected + ")"
                            : "field " + field + " has the wrong type (expected " + expected + ")");
        }
        if (e instanceof DatabindException && !field.isEmpty()) {
            return new ApiException(400, ApiException.INVALID_PARAMETER, "field " + field + " has an invalid value");
        }
        return new ApiException(400, ApiException.INVALID_PARAMETER, "invalid request body");
    }

    private static ApiException wrongType(String field, String expected, JsonNodeType actual) {
        return new ApiException(
                400,
                ApiException.INVALID_PARAMETER,
                "field " + field + " has the wrong type (expected " + expected + ", was " + describe(actual) + ")");
    }

    private static String path(List<JsonMappingException.Reference> references) {
        return references.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String expectedType(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == Optional.class) {
            return "a value of the declared type";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        return type.getSimpleName();
    }

    private static String describe(JsonNodeType type) {
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
