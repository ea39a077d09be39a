package dev.memos4j.client.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Client-side check of the filter grammar, so a malformed filter fails before any request: the root is
 * exactly one of {@code and} / {@code or} holding a list of conditions, conditions do not nest logical
 * operators, and {@code user_id} may not appear. The categorized form ({@code user}, {@code
 * knowledgebase}, {@code public} branches, each a filter) is accepted too.
 */
final class Filters {

    private static final Set<String> LOGICAL = Set.of("and", "or");
    private static final Set<String> CATEGORIES = Set.of("user", "knowledgebase", "public");

    private Filters() {}

    static void validate(Map<String, Object> filter) {
        if (filter == null || filter.isEmpty()) {
            return;
        }
        if (CATEGORIES.containsAll(filter.keySet())) {
            filter.forEach((category, branch) -> {
                if (!(branch instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("filter." + category + " must be an object");
                }
                validateLogical(cast(map), "filter." + category);
            });
            return;
        }
        validateLogical(filter, "filter");
    }

    private static void validateLogical(Map<String, Object> filter, String path) {
        if (filter.size() != 1 || !LOGICAL.contains(filter.keySet().iterator().next())) {
            throw new IllegalArgumentException(path + " must have exactly one root key, \"and\" or \"or\"");
        }
        String op = filter.keySet().iterator().next();
        if (!(filter.get(op) instanceof List<?> conditions)) {
            throw new IllegalArgumentException(path + "." + op + " must be a list of conditions");
        }
        for (int i = 0; i < conditions.size(); i++) {
            String at = path + "." + op + "[" + i + "]";
            if (!(conditions.get(i) instanceof Map<?, ?> condition) || condition.isEmpty()) {
                throw new IllegalArgumentException(at + " must be a non-empty object");
            }
            for (Object key : condition.keySet()) {
                if (LOGICAL.contains(key)) {
                    throw new IllegalArgumentException(at + " must not nest \"and\"/\"or\"");
                }
                if ("user_id".equals(key)) {
                    throw new IllegalArgumentException(at + " must not filter on user_id");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
