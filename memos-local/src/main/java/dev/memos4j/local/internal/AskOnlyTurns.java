package dev.memos4j.local.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a user turn that only asks the assistant something ("What plans do I have for the weekend?",
 * "Please list three dinner ideas", "Help me plan next week's housework") from one that says something
 * worth remembering. The first is kept as a message only; the second becomes a memory.
 *
 * <p>A turn only asks when every sentence is a question, a request for an answer, or a pleasantry, at least
 * one of them asks, and no sentence carries something of the user's:
 *
 * <ul>
 *   <li>a request to keep something: "remember that…", "note that…", "don't forget…", "remind me to…",
 *       "add … to my list";
 *   <li>a first-person statement: "since I'm vegetarian, …", "we're moving in June, …" — but not the
 *       inverted or hypothetical "do I have", "should we", "what I said", "if we go";
 *   <li>a statement about something of the user's: "did I tell you my son is called Leo?" — but not the
 *       inverted "is my passport valid?" or a bare "my wife's name?".
 * </ul>
 *
 * When in doubt a turn is kept: a stored question is noise, a lost fact is worse.
 */
final class AskOnlyTurns {

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?。！？])\\s+|\\n+");
    private static final Pattern SPEAKER_PREFIX =
            Pattern.compile("^[\\p{Lu}][\\p{L}.'-]*(?: [\\p{Lu}][\\p{L}.'-]*){0,2}:\\s");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

    private static final Set<String> WH =
            Set.of("what", "when", "where", "who", "whom", "whose", "which", "why", "how");
    private static final Set<String> AUX = Set.of(
            "am", "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "shall", "should",
            "may", "might", "must", "have", "has", "had");
    // Words after which "I", "we" or "my" begin an inverted question or a hypothesis, not a statement.
    private static final Set<String> NOT_A_STATEMENT_AFTER = union(WH, AUX, Set.of("if", "whether", "unless"));
    // What may follow a question word to make a question: "what is", "how many", "what about".
    private static final Set<String> AFTER_WH =
            union(AUX, Set.of("about", "else", "many", "much", "long", "often", "far", "old", "if"));
    private static final Set<String> PRONOUNS = Set.of("i", "you", "we", "they", "he", "she", "it", "there");
    private static final Set<String> DETERMINERS = Set.of(
            "my",
            "your",
            "our",
            "the",
            "this",
            "that",
            "these",
            "those",
            "any",
            "anyone",
            "anything",
            "someone",
            "something",
            "a",
            "an");
    // "Do the dishes", "have the kids ready": without a question mark these are to-dos unless a pronoun follows.
    private static final Set<String> IMPERATIVE_AUX = Set.of("do", "have");
    // A first-person statement's verb that is a hypothesis or a wish to know rather than a fact.
    private static final Set<String> NOT_A_FACT_VERBS = Set.of(
            "should",
            "could",
            "would",
            "might",
            "may",
            "can",
            "must",
            "shall",
            "wonder",
            "wondered",
            "wondering",
            "forgot",
            "forget",
            "mean",
            "guess");
    // Verbs of a statement about something of the user's: "my son is called Leo".
    private static final Pattern POSSESSIVE_STATEMENT = Pattern.compile(
            "^(?:[\\p{L}\\p{N}'-]+ ){0,3}?(?:is|are|was|were|has|have|had|will|won't|turns|turned|starts|started"
                    + "|lives|lived|works|worked|likes|loves|hates|needs|wants|goes|went|comes|came|gets|got|moved"
                    + "|just|recently|always|never) [\\p{L}\\p{N}]");

    // Sentences made only of these neither ask nor state anything: "Thanks!", "Ok, great.", "Hi there!"
    private static final Set<String> PLEASANTRIES = Set.of(
            "hi",
            "hello",
            "hey",
            "there",
            "thanks",
            "thank",
            "you",
            "so",
            "much",
            "very",
            "again",
            "thx",
            "ok",
            "okay",
            "great",
            "cool",
            "nice",
            "awesome",
            "wow",
            "oh",
            "sure",
            "yes",
            "no",
            "yeah",
            "nope",
            "good",
            "morning",
            "afternoon",
            "evening",
            "night",
            "bye",
            "please",
            "alright");
    // Requests for an answer; to-dos in the imperative ("take the kids to the zoo") are statements.
    private static final Pattern REQUEST = Pattern.compile("^(?:(?:please|pls|kindly|now|so|ok|okay|also|and|then"
            + "|hey|hi)[ ,]+)*(?:(?:can|could|would|will) you (?:please )?)?(?:list|(?:tell|show|give|help|find|make)"
            + " (?:me|us)|explain|describe|summari[sz]e|suggest|recommend|search|look up|plan (?:me|us|a|an|my|our)"
            + "|draft|translate|calculate|compare|recap|brainstorm|outline|let me know"
            + "|remind me(?= (?:what|when|where|who|which|how|why|of) )|i(?: want| would like|'d like| need) (?:to know|you to)"
            + "|i wonder|i was wondering|i'm wondering)\\b");
    private static final List<Pattern> KEEP_REQUESTS = List.of(
            Pattern.compile("\\b(?:remember|note|memori[sz]e|keep in mind|don't forget|do not forget|not to forget"
                    + "|write down|jot down)(?: (?:that|this|to)\\b|\\s*:)"),
            Pattern.compile("\\b(?:make|take) a note\\b|\\bsave (?:this|that|it)\\b"),
            Pattern.compile("\\bremind me\\b(?! (?:what|when|where|who|which|how|why|of)\\b)"),
            Pattern.compile("\\b(?:add|put)\\b.{1,60}\\b(?:to|on|in) (?:my|our) (?:\\w+ )?(?:list|calendar|schedule"
                    + "|agenda|notes|reminders|diary)\\b"));

    private AskOnlyTurns() {}

    /** Whether {@code text} (a user's turn) only asks the assistant something and carries nothing to keep. */
    static boolean onlyAsks(String text) {
        String turn = SPEAKER_PREFIX.matcher(text.strip()).replaceFirst("");
        boolean asks = false;
        for (String raw : SENTENCES.split(turn)) {
            String sentence = raw.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
            List<String> words = words(sentence);
            if (words.isEmpty()) {
                continue;
            }
            Matcher request = REQUEST.matcher(sentence);
            boolean isRequest = request.find();
            // "I'd like to know…" opens a request; what follows it may still carry a fact.
            String rest = isRequest ? sentence.substring(request.end()) : sentence;
            if (carriesSomething(rest, words(rest))) {
                return false;
            }
            if (isRequest || isQuestion(sentence, words)) {
                asks = true;
            } else if (!isPleasantry(words)) {
                return false; // a statement
            }
        }
        return asks;
    }

    private static List<String> words(String sentence) {
        return WORD.matcher(sentence).results().map(MatchResult::group).toList();
    }

    private static boolean isQuestion(String sentence, List<String> words) {
        if (sentence.endsWith("?") || sentence.endsWith("？")) {
            return true;
        }
        if (sentence.endsWith(".") || sentence.endsWith("!")) {
            return false; // punctuated as a statement: "what I love is…", "how lucky we are!"
        }
        String first = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        if (WH.contains(first.replaceFirst("'.*", ""))) {
            return first.contains("'") || AFTER_WH.contains(second);
        }
        return AUX.contains(first)
                && (PRONOUNS.contains(second) || !IMPERATIVE_AUX.contains(first) && DETERMINERS.contains(second));
    }

    private static boolean isPleasantry(List<String> words) {
        return PLEASANTRIES.containsAll(words);
    }

    private static boolean carriesSomething(String sentence, List<String> words) {
        for (Pattern keep : KEEP_REQUESTS) {
            if (keep.matcher(sentence).find()) {
                return true;
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String before = i == 0 ? "" : words.get(i - 1);
            if (NOT_A_STATEMENT_AFTER.contains(before)) {
                continue;
            }
            if (isFirstPersonSubject(word)) {
                String verb = word.contains("'") ? word : i + 1 < words.size() ? words.get(i + 1) : "";
                if (!verb.isEmpty() && !NOT_A_FACT_VERBS.contains(verb)) {
                    return true;
                }
            } else if ((word.equals("my") || word.equals("our")) && i + 1 < words.size()) {
                String rest = String.join(" ", words.subList(i + 1, words.size()));
                if (POSSESSIVE_STATEMENT.matcher(rest).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isFirstPersonSubject(String word) {
        return word.equals("i") || word.equals("we") || word.startsWith("i'") || word.startsWith("we'");
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
