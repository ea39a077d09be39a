package dev.memos4j.benchmarks.scale;

import java.util.List;
import java.util.Random;

/**
 * Synthetic household notes, the kind of thing people tell a home assistant: appointments, chores,
 * shopping, school, family facts. Generated from templates with a fixed seed, so every run indexes the same
 * text. The templates avoid the phrases the local engine reads as explicit preferences ("I prefer",
 * "always", "from now on"), so the notes become memories, not preferences.
 */
final class HouseholdNotes {

    private static final List<String> PEOPLE = List.of(
            "Xiaoyun",
            "Leo",
            "Mia",
            "Grandma Li",
            "Uncle Tom",
            "Ava",
            "the neighbour Sam",
            "Coach Chen",
            "Dr. Wang",
            "Aunt Rosa",
            "Noah",
            "Mrs. Patel");
    private static final List<String> DAYS = List.of(
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "next Monday",
            "next weekend",
            "the 14th",
            "the end of the month");
    private static final List<String> TIMES =
            List.of("7:30", "8:15", "9:00", "10:45", "12:00", "13:30", "15:00", "16:30", "18:00", "19:15", "20:30");
    private static final List<String> PLACES = List.of(
            "the zoo",
            "the dentist on Riverside Road",
            "the swimming pool",
            "the library",
            "the community garden",
            "the supermarket",
            "the primary school",
            "the park by the lake",
            "the piano teacher's flat",
            "the train station",
            "the vet",
            "the farmers' market",
            "the museum");
    private static final List<String> CHORES = List.of(
            "take out the recycling",
            "water the balcony plants",
            "clean the fridge",
            "change the bed sheets",
            "vacuum the living room",
            "descale the kettle",
            "wash the car",
            "sort the laundry",
            "fix the dripping tap",
            "mow the lawn",
            "defrost the freezer",
            "wipe the kitchen cabinets");
    private static final List<String> ITEMS = List.of(
            "oat milk",
            "nappies",
            "basil",
            "rice",
            "batteries",
            "light bulbs",
            "dishwasher tablets",
            "apples",
            "bread flour",
            "cat food",
            "sunscreen",
            "tofu",
            "printer paper",
            "birthday candles",
            "coffee beans");
    private static final List<String> EVENTS = List.of(
            "a dentist appointment",
            "swimming lessons",
            "a parent-teacher " + "meeting",
            "a birthday party",
            "football practice",
            "a piano recital",
            "a flu jab",
            "a school trip",
            "a plumber visit",
            "a dinner with friends",
            "a haircut",
            "a car service");
    private static final List<String> TEMPLATES = List.of(
            "%1$s has %5$s on %2$s at %3$s at %4$s.",
            "Remind me to %6$s on %2$s after %3$s.",
            "We need %7$s and %8$s from %4$s before %2$s.",
            "%1$s said the %9$s in the hallway needs replacing; buy one on %2$s.",
            "Take the kids to %4$s on %2$s, leave home by %3$s.",
            "The school asked for %7$s for the class project by %2$s.",
            "It is %1$s's turn to %6$s this week, ideally on %2$s.",
            "%1$s is coming over on %2$s at %3$s, so %6$s before then.",
            "Booked %5$s for %1$s on %2$s at %3$s; the address is %4$s.",
            "Note: the warranty of the %9$s runs out at %2$s, receipt number %10$d.",
            "Pay the %11$s bill of %10$d yuan by %2$s.",
            "%1$s lent us %12$d folding chairs; return them on %2$s.");
    private static final List<String> APPLIANCES = List.of(
            "washing machine",
            "dishwasher",
            "boiler",
            "router",
            "vacuum cleaner",
            "microwave",
            "smoke alarm",
            "light fitting");
    private static final List<String> BILLS =
            List.of("electricity", "water", "internet", "gas", "phone", "property management");

    private final Random random;

    /**
     * A generator with a fixed seed.
     *
     * @param seed the seed; the same seed gives the same notes
     */
    HouseholdNotes(long seed) {
        this.random = new Random(seed);
    }

    /** The next note. */
    String next() {
        String template = pick(TEMPLATES);
        return String.format(
                template,
                pick(PEOPLE),
                pick(DAYS),
                pick(TIMES),
                pick(PLACES),
                pick(EVENTS),
                pick(CHORES),
                pick(ITEMS),
                pick(ITEMS),
                pick(APPLIANCES),
                100 + random.nextInt(9_900),
                pick(BILLS),
                2 + random.nextInt(9));
    }

    /** Questions a user asks about such notes, for the search phase. */
    static List<String> queries() {
        return List.of(
                "What plans do I have for the weekend?",
                "When is the dentist appointment?",
                "What do we need to buy at the supermarket?",
                "Which chores are due this week?",
                "When is Xiaoyun coming over?",
                "Help me plan next week's housework",
                "Which bills do I have to pay soon?",
                "What did the school ask for?",
                "When are Leo's swimming lessons?",
                "Who lent us chairs and when do they go back?",
                "When does the washing machine warranty run out?",
                "What is happening on Saturday morning?");
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
