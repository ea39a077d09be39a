package dev.memos4j.examples.homeassistant;

/**
 * What the offline model stand-ins answer: they echo the memories they were given (the part of the prompt
 * between the given markers), so the demo shows what a real model would see.
 */
final class OfflineEcho {

    private OfflineEcho() {}

    /**
     * The stand-in's answer.
     *
     * @param prompt the text that carries the memories
     * @param start where the memories begin
     * @param end where they end, or null for the end of the text
     */
    static String answer(String prompt, String start, String end) {
        int from = prompt.indexOf(start);
        String memories = "(none)";
        if (from >= 0) {
            int to = end == null ? -1 : prompt.indexOf(end, from);
            memories = prompt.substring(from + start.length(), to < 0 ? prompt.length() : to)
                    .strip();
        }
        return "[offline stand-in, set OPENAI_API_KEY for a real model] I was given these memories:\n" + memories;
    }
}
