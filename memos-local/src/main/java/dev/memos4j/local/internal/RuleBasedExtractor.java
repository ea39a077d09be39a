package dev.memos4j.local.internal;

import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.ExtractedMemory;
import dev.memos4j.client.model.ExtractedPreference;
import dev.memos4j.client.model.MemoryType;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.PreferenceType;
import dev.memos4j.client.model.Role;
import dev.memos4j.local.MemoryExtractor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** Extraction by rules: explicit preferences from cue phrases, statements of the user as facts. */
public final class RuleBasedExtractor implements MemoryExtractor {

    /** The shared instance (stateless). */
    public static final RuleBasedExtractor INSTANCE = new RuleBasedExtractor();

    // Cue phrases of a stated preference or standing instruction, matched per sentence.
    private static final List<Pattern> PREFERENCE_CUES = List.of(
            Pattern.compile("\\bi(?: would|'d)? prefer\\b"),
            Pattern.compile("\\bmy preference\\b"),
            Pattern.compile("\\bfrom now on\\b"),
            Pattern.compile("\\b(?:please |you should )?(?:always|never)\\b"),
            Pattern.compile("\\b(?:please )?first (?:list|give|tell|show|summari[sz]e)\\b"),
            Pattern.compile(
                    "\\b(?:for|in|when) (?:future |all |any )?(?:reminders?|reminding|plans?|planning|answers?|replies|responses)\\b.*\\b(?:please|first|always|list|keep|use)\\b"),
            Pattern.compile(
                    "\\bremember (?:that )?i (?:really )?(?:like|love|hate|prefer|enjoy|dislike|don't like|do not like)\\b"),
            Pattern.compile("\\bi (?:really )?(?:like|love|enjoy|hate|dislike|don't like|do not like|can't stand)\\b"),
            Pattern.compile("\\bi'm (?:allergic|vegetarian|vegan)\\b|\\bi am (?:allergic|vegetarian|vegan)\\b"));

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。！？])\\s+");

    private RuleBasedExtractor() {}

    @Override
    public CompletableFuture<ExtractMemoryResponse> extract(List<Message> messages, Instant messageTime) {
        List<ExtractedMemory> memories = new ArrayList<>();
        Set<String> preferences = new LinkedHashSet<>();
        for (Message message : messages) {
            if (!Role.USER.equals(message.role())) {
                continue;
            }
            String text = message.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            preferences.addAll(explicitPreferences(text));
            if (!AskOnlyTurns.onlyAsks(text)) {
                memories.add(new ExtractedMemory(
                        Optional.of(MemoryKeys.keyOf(text)),
                        text,
                        Optional.of(MemoryType.USER_MEMORY),
                        List.of(),
                        Map.of()));
            }
        }
        List<ExtractedPreference> found = new ArrayList<>();
        for (String preference : preferences) {
            found.add(new ExtractedPreference(
                    preference, Optional.of("stated by the user"), Optional.of(PreferenceType.EXPLICIT), Map.of()));
        }
        return CompletableFuture.completedFuture(new ExtractMemoryResponse(true, memories, found, Map.of()));
    }

    /** The sentences of {@code text} that state a preference, in order. */
    public static List<String> explicitPreferences(String text) {
        List<String> found = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            String lower = sentence.toLowerCase(java.util.Locale.ROOT).replace('’', '\'');
            if (lower.endsWith("?")) {
                continue;
            }
            for (Pattern cue : PREFERENCE_CUES) {
                if (cue.matcher(lower).find()) {
                    found.add(sentence.strip());
                    break;
                }
            }
        }
        return found;
    }
}
