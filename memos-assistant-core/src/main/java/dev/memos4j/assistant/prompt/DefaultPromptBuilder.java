package dev.memos4j.assistant.prompt;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The default prompt, following the structure MemOS recommends: role instructions; the current date and
 * weekday; a {@code <memories>} block with {@code <facts>} and {@code <preferences>}, each item prefixed
 * with its time; memory-safety rules (the user's own words outweigh earlier assistant guesses, use only
 * strongly relevant items, the latest intent wins); and the rule never to mention that memories were
 * retrieved. Everything goes into one system message; the user's query follows unchanged.
 *
 * <p>The memory block has a size budget in characters: when the recalled items do not fit, the least
 * relevant ones are dropped first (lowest {@code relativity}; without scores, the last ones).
 *
 * <pre>{@code
 * PromptBuilder builder = DefaultPromptBuilder.builder()
 *     .instructions("You are a warm, practical family assistant.")
 *     .maxMemoryChars(4_000)
 *     .build();
 * }</pre>
 */
public final class DefaultPromptBuilder implements PromptBuilder {

    /** The default role instructions. */
    public static final String DEFAULT_INSTRUCTIONS =
            "You are a helpful, considerate assistant with long-term memory of this user. "
                    + "Use the memories below to give personal, accurate answers.";

    /** The memory-safety rules placed after the memories. */
    public static final String MEMORY_RULES = String.join(
            "\n",
            "How to use the memories:",
            "1. Facts stated by the user in their own words are reliable; items that record an earlier"
                    + " assistant answer or guess are only hints.",
            "2. Check that a memory is about this user and this question; ignore anything that is not"
                    + " strongly relevant.",
            "3. When memories conflict, the most recent one is the user's current intent, and the current"
                    + " message outweighs all of them.",
            "4. Follow the preferences for style and format unless the current message asks otherwise.",
            "5. Never say that you retrieved, searched or were given memories; answer naturally, as someone"
                    + " who remembers.");

    /** The default budget for the memory block, in characters. */
    public static final int DEFAULT_MAX_MEMORY_CHARS = 6_000;

    private static final DateTimeFormatter ITEM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String instructions;
    private final int maxMemoryChars;

    private DefaultPromptBuilder(Builder b) {
        this.instructions = b.instructions;
        this.maxMemoryChars = b.maxMemoryChars;
    }

    /**
     * The builder with default instructions and budget.
     *
     * @return the prompt builder
     */
    public static DefaultPromptBuilder create() {
        return builder().build();
    }

    /**
     * A builder to change the instructions or the budget.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The role instructions in use.
     *
     * @return the instructions
     */
    public String instructions() {
        return instructions;
    }

    /**
     * The budget of the memory block in characters.
     *
     * @return the budget
     */
    public int maxMemoryChars() {
        return maxMemoryChars;
    }

    @Override
    public List<ChatMessage> build(PromptContext context) {
        ZoneId zone = context.now().getZone();
        StringBuilder system = new StringBuilder(instructions).append("\n\n");
        system.append("Current time: ")
                .append(NOW.format(context.now()))
                .append(", ")
                .append(context.now().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .append(" (")
                .append(zone.getId())
                .append(").");

        List<Item> items = fitToBudget(items(context, zone));
        if (!items.isEmpty() || context.preferenceNote().isPresent()) {
            system.append("\n\n<memories>\n");
            appendBlock(system, "facts", items, false);
            appendBlock(system, "preferences", items, true);
            system.append("</memories>");
            context.preferenceNote().ifPresent(note -> system.append("\n\n").append(note.strip()));
            system.append("\n\n").append(MEMORY_RULES);
        }
        return List.of(ChatMessage.system(system.toString()), ChatMessage.user(context.query()));
    }

    private static void appendBlock(StringBuilder out, String tag, List<Item> items, boolean preferences) {
        List<Item> block =
                items.stream().filter(i -> i.preference == preferences).toList();
        if (block.isEmpty()) {
            return;
        }
        out.append('<').append(tag).append(">\n");
        for (Item item : block) {
            out.append(item.line).append('\n');
        }
        out.append("</").append(tag).append(">\n");
    }

    private static List<Item> items(PromptContext context, ZoneId zone) {
        List<Item> items = new ArrayList<>();
        int rank = 0;
        for (MemoryDetail m : context.memories()) {
            if (!m.text().isBlank()) {
                items.add(new Item(line(m.time(), m.text(), zone), false, m.relativity(), rank));
            }
            rank++;
        }
        for (PreferenceDetail p : context.preferences()) {
            if (!p.preference().isBlank()) {
                items.add(new Item(line(p.time(), p.preference(), zone), true, p.relativity(), rank));
            }
            rank++;
        }
        return items;
    }

    private static String line(Optional<Timestamp> time, String text, ZoneId zone) {
        String flat = text.strip().replace("\r", "").replace("\n", " ");
        return time.map(t -> "- ["
                                + t.toInstant()
                                        .map(i -> ITEM_TIME.format(i.atZone(zone)))
                                        .orElse(t.raw()) + "] ")
                        .orElse("- ")
                + flat;
    }

    private List<Item> fitToBudget(List<Item> items) {
        int total = items.stream().mapToInt(i -> i.line.length() + 1).sum();
        if (total <= maxMemoryChars) {
            return items;
        }
        // Drop the least relevant first: lowest score, and among equal scores the later-ranked one.
        List<Item> byWorth = new ArrayList<>(items);
        byWorth.sort(Comparator.<Item>comparingDouble(i -> i.relativity.orElse(-1.0))
                .thenComparing(Comparator.<Item>comparingInt(i -> i.rank).reversed()));
        List<Item> kept = new ArrayList<>(items);
        for (Item candidate : byWorth) {
            if (total <= maxMemoryChars) {
                break;
            }
            kept.remove(candidate);
            total -= candidate.line.length() + 1;
        }
        return kept;
    }

    private static final class Item {
        final String line;
        final boolean preference;
        final Optional<Double> relativity;
        final int rank;

        Item(String line, boolean preference, Optional<Double> relativity, int rank) {
            this.line = line;
            this.preference = preference;
            this.relativity = relativity;
            this.rank = rank;
        }
    }

    /** Builds a {@link DefaultPromptBuilder}. */
    public static final class Builder {
        private String instructions = DEFAULT_INSTRUCTIONS;
        private int maxMemoryChars = DEFAULT_MAX_MEMORY_CHARS;

        private Builder() {}

        /**
         * Replaces the role instructions; the memory block and its rules stay.
         *
         * @param instructions the instructions, not blank
         * @return this builder
         */
        public Builder instructions(String instructions) {
            Objects.requireNonNull(instructions, "instructions");
            if (instructions.isBlank()) {
                throw new IllegalArgumentException("instructions must not be blank");
            }
            this.instructions = instructions.strip();
            return this;
        }

        /**
         * The budget of the memory block: items beyond it are dropped, least relevant first.
         *
         * @param maxMemoryChars at least 0 (0 leaves no memories in the prompt)
         * @return this builder
         */
        public Builder maxMemoryChars(int maxMemoryChars) {
            if (maxMemoryChars < 0) {
                throw new IllegalArgumentException("maxMemoryChars must not be negative, was " + maxMemoryChars);
            }
            this.maxMemoryChars = maxMemoryChars;
            return this;
        }

        /**
         * The prompt builder.
         *
         * @return the prompt builder
         */
        public DefaultPromptBuilder build() {
            return new DefaultPromptBuilder(this);
        }
    }
}
