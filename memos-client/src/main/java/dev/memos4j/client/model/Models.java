package dev.memos4j.client.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Defensive-copy helpers that keep models immutable and free of null collections. */
final class Models {

    private Models() {}

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <T> Optional<T> opt(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    static void requireRange(Integer value, String field, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(
                    field + " must be between " + min + " and " + max + " (was " + value + ")");
        }
    }

    static void requireRange(Double value, String field, double min, double max) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            throw new IllegalArgumentException(
                    field + " must be between " + min + " and " + max + " (was " + value + ")");
        }
    }

    static void requireExactlyOneSubject(String userId, String agentId) {
        if (hasText(userId) == hasText(agentId)) {
            throw new IllegalArgumentException("exactly one of user_id or agent_id is required");
        }
    }

    static final int MAX_ID_LENGTH = 100;

    static Optional<String> optText(Optional<String> value, String field) {
        Optional<String> v = opt(value);
        v.ifPresent(s -> requireMaxLength(s, field));
        return v;
    }

    static void requireMaxLength(String value, String field) {
        if (value != null && value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    field + " must be at most " + MAX_ID_LENGTH + " characters (was " + value.length() + ")");
        }
    }

    /**
     * One or several subject ids ({@code user_id} / {@code agent_id} of add/message): each non-blank, at
     * most 100 characters, no repeats. Absent is an empty list.
     */
    static List<String> subjectIds(List<String> ids, String field) {
        if (ids == null) {
            return List.of();
        }
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank or null (was " + ids + ")");
            }
            requireMaxLength(id, field);
        }
        if (new java.util.HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException(field + " must not repeat an id (was " + ids + ")");
        }
        return list(ids);
    }

    static <T> Optional<List<T>> optList(Optional<List<T>> value) {
        return opt(value).map(Models::list);
    }

    static <T> List<T> requireNonEmpty(List<T> list, String field) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        for (T item : list) {
            if (item == null) {
                throw new IllegalArgumentException(field + " must not contain null");
            }
        }
        return list(list);
    }
}
