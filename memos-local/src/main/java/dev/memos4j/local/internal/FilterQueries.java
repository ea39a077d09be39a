package dev.memos4j.local.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Translates the MemOS filter object into a Lucene query: {@code {"and": [...]}} / {@code {"or": [...]}}
 * of equality on {@code agent_id}, {@code app_id}, {@code conversation_id}, {@code memory_type} and info
 * keys, {@code tags} with {@code contains}, and {@code create_time} / {@code update_time} with {@code gt},
 * {@code gte}, {@code lt}, {@code lte} on dates ({@code "2025-12-10"}, {@code "2025-12-10 08:00:00"}, ISO
 * instants) or epoch milliseconds.
 */
final class FilterQueries {

    private static final Set<String> KEYWORD_FIELDS = Set.of("agent_id", "app_id", "conversation_id", "memory_type");
    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private FilterQueries() {}

    /**
     * The query for a filter; match-all when there is none. A filter only ever narrows: in the categorized
     * form only the {@code user} branch applies to memories, so a categorized filter without one matches no
     * memory (a local store has no public memories); a bound no date can meet matches nothing.
     *
     * @throws IllegalArgumentException naming the condition when it cannot be understood
     */
    static Query toQuery(Map<String, Object> filter) {
        if (filter == null || filter.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        if (filter.containsKey("user") || filter.containsKey("knowledgebase") || filter.containsKey("public")) {
            Object user = filter.get("user");
            if (user == null) {
                return new MatchNoDocsQuery("a categorized filter without a user branch selects no memory");
            }
            if (!(user instanceof Map<?, ?> branch) || branch.isEmpty()) {
                throw new IllegalArgumentException("filter.user must be a non-empty filter object");
            }
            return toQuery(cast(branch));
        }
        boolean and = filter.containsKey("and");
        String op = and ? "and" : "or";
        if (!(filter.get(op) instanceof List<?> conditions)) {
            throw new IllegalArgumentException("filter must have exactly one root key, \"and\" or \"or\"");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (int i = 0; i < conditions.size(); i++) {
            String at = "filter." + op + "[" + i + "]";
            if (!(conditions.get(i) instanceof Map<?, ?> condition)) {
                throw new IllegalArgumentException(at + " must be an object");
            }
            for (Map.Entry<?, ?> entry : condition.entrySet()) {
                Query clause = condition(String.valueOf(entry.getKey()), entry.getValue(), at);
                query.add(clause, and ? BooleanClause.Occur.FILTER : BooleanClause.Occur.SHOULD);
            }
        }
        if (!and) {
            query.setMinimumNumberShouldMatch(1);
        }
        return query.build();
    }

    private static Query condition(String field, Object value, String at) {
        if (field.equals("create_time") || field.equals("update_time")) {
            return timeRange(field, value, at + "." + field);
        }
        if (field.equals("tags")) {
            Object tag = value instanceof Map<?, ?> op ? op.get("contains") : value;
            if (tag == null || tag instanceof Map || tag instanceof List) {
                throw new IllegalArgumentException(at + ".tags must be {\"contains\": \"tag\"} or a tag string");
            }
            return new TermQuery(new Term(MemoryIndex.F_TAG, String.valueOf(tag)));
        }
        Object expected =
                value instanceof Map<?, ?> op && op.size() == 1 && op.containsKey("eq") ? op.get("eq") : value;
        if (expected == null || expected instanceof Map || expected instanceof List) {
            throw new IllegalArgumentException(at + "." + field + " must be a string, number or boolean (equality)");
        }
        String indexField = KEYWORD_FIELDS.contains(field) ? field : MemoryIndex.F_INFO_PREFIX + field;
        return new TermQuery(new Term(indexField, String.valueOf(expected)));
    }

    private static Query timeRange(String field, Object value, String at) {
        if (!(value instanceof Map<?, ?> ops) || ops.isEmpty()) {
            throw new IllegalArgumentException(at + " must be an object of gt/gte/lt/lte bounds");
        }
        long lower = Long.MIN_VALUE;
        long upper = Long.MAX_VALUE;
        boolean empty = false;
        for (Map.Entry<?, ?> op : ops.entrySet()) {
            String name = String.valueOf(op.getKey());
            Object bound = op.getValue();
            // Strict bounds step past their value; past the end of the time line nothing is left to match
            // (a wrapped-around bound would match everything instead).
            switch (name) {
                case "gt" -> {
                    long after = endOf(bound, at + ".gt");
                    empty |= after == Long.MAX_VALUE;
                    lower = Math.max(lower, after == Long.MAX_VALUE ? after : after + 1);
                }
                case "gte" -> lower = Math.max(lower, startOf(bound, at + ".gte"));
                case "lt" -> {
                    long before = startOf(bound, at + ".lt");
                    empty |= before == Long.MIN_VALUE;
                    upper = Math.min(upper, before == Long.MIN_VALUE ? before : before - 1);
                }
                case "lte" -> upper = Math.min(upper, endOf(bound, at + ".lte"));
                default -> throw new IllegalArgumentException(at + " supports gt, gte, lt and lte, not " + name);
            }
        }
        if (empty || lower > upper) {
            return new MatchNoDocsQuery(at + " can match no time");
        }
        return LongPoint.newRangeQuery(field, lower, upper);
    }

    // A date-only bound covers its whole day: gte/lt use its start, gt/lte its end.
    private static long startOf(Object bound, String at) {
        return parse(bound, at, false);
    }

    private static long endOf(Object bound, String at) {
        return parse(bound, at, true);
    }

    private static long parse(Object bound, String at, boolean endOfDay) {
        if (bound instanceof Number number) {
            return epochMillis(decimal(number.toString(), at), at);
        }
        if (bound == null || bound instanceof Map || bound instanceof List || bound instanceof Boolean) {
            throw new IllegalArgumentException(at + " must be a date string or epoch milliseconds");
        }
        String text = String.valueOf(bound).strip();
        if (text.matches("-?\\d{9,}")) {
            return epochMillis(decimal(text, at), at);
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay
                        ? day.plusDays(1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()
                                        .toEpochMilli()
                                - 1
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (text.contains("T")) {
                return Instant.parse(text.endsWith("Z") || text.contains("+") ? text : text + "Z")
                        .toEpochMilli();
            }
            return LocalDateTime.parse(text, SPACE_SEPARATED)
                    .toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    at + " must be a date (\"2025-12-10\"), a date-time"
                            + " (\"2025-12-10 08:00:00\") or epoch milliseconds, not \"" + text + "\"",
                    e);
        }
    }

    // Whole milliseconds (a fraction is cut off); outside the range of a long the bound is refused, never
    // wrapped around or saturated into a different meaning.
    private static long epochMillis(BigDecimal value, String at) {
        try {
            return value.setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(at + " is out of range: epoch milliseconds must be between "
                    + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        }
    }

    private static BigDecimal decimal(String number, String at) {
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) { // NaN, Infinity
            throw new IllegalArgumentException(at + " must be a finite number of epoch milliseconds", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    // ---- Lucene query helpers of the engine ----

    static Query kind(String kind) {
        return new TermQuery(new Term(MemoryIndex.F_KIND, kind));
    }

    static Query activated() {
        return new TermQuery(new Term(MemoryIndex.F_STATUS, StoredItem.ACTIVATED));
    }

    // Isolation: a user's (or agent's) records only, as a filter clause of every query.
    static Query subject(String userId, String agentId) {
        return userId.isEmpty()
                ? new TermQuery(new Term(MemoryIndex.F_AGENT, agentId))
                : new TermQuery(new Term(MemoryIndex.F_USER, userId));
    }

    static Query and(Query... clauses) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Query clause : clauses) {
            query.add(clause, BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    static Query or(Query... clauses) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Query clause : clauses) {
            query.add(clause, BooleanClause.Occur.SHOULD);
        }
        return query.setMinimumNumberShouldMatch(1).build();
    }
}
