package dev.memos4j.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ingest rule on real phrasings: what only asks the assistant stays a message, the rest is kept. */
class AskOnlyTurnsTest {

    // "ask": only asks, kept as a message only; "keep": becomes a memory.
    private static final String TABLE = """
            ask  | What plans do I have for the weekend?
            ask  | How should you format reminders for me?
            ask  | What is my dog's name?
            ask  | Arrange a weekend activity for the family?
            ask  | Help me plan next week's housework distribution
            ask  | Please list three dinner ideas for tonight.
            ask  | Could you help me plan next week's housework distribution
            ask  | what's the weather like tomorrow
            ask  | Is it going to rain on Saturday
            ask  | Any ideas for dinner tonight?
            ask  | Thanks! Can you suggest a board game for a 6-year-old?
            ask  | Where did I put my keys?
            ask  | Do you know my wife's name?
            ask  | Do you know what my wife's name is?
            ask  | Tell me what I said about the zoo.
            ask  | Remind me what we planned for Saturday.
            ask  | Can you remind me what my wife's name is?
            ask  | Should I take an umbrella tomorrow?
            ask  | Do you think I should buy the red car or the blue one?
            ask  | How do I reset my password?
            ask  | Why do we always run out of milk?
            ask  | Is my passport still valid?
            ask  | Does my son have school on Monday?
            ask  | If we go to the zoo on Saturday, what should we bring?
            ask  | I wonder what we should do this weekend.
            ask  | I'd like to know what's on my calendar.
            ask  | Show me my plans for the weekend
            ask  | Summarize what you know about me.
            ask  | Do you remember what I told you about my son?
            ask  | Can you tell me what I have planned for Saturday?
            ask  | Hi! What can we do this weekend?
            ask  | Caroline: How's it going?
            keep | Take the kids to the zoo on Saturday
            keep | Take the kids to the zoo on Saturday, please remember it.
            keep | When reminding, first list the key points, then give one action suggestion
            keep | My wife is Xiaoyun, the child is 6 years old
            keep | Can you remember that I'm allergic to nuts?
            keep | Did I tell you my son is called Leo?
            keep | Could you note that the plumber comes on Tuesday?
            keep | Can you remind me to call mum on Friday?
            keep | Remind me to buy milk tomorrow
            keep | Did I mention that we're moving to Berlin in June?
            keep | Since I'm vegetarian, what should I cook tonight?
            keep | Now that I work from home, how should I plan my week?
            keep | Since my wife is vegetarian, what should we cook for her birthday?
            keep | I just got a puppy named Max, what should I feed him?
            keep | We're going to Lisbon next month. Any tips?
            keep | What should I cook tonight? I'm vegetarian.
            keep | You know I hate mushrooms, right?
            keep | My wife and I are going to Rome in May, what should we see?
            keep | Please add eggs to my shopping list.
            keep | Don't forget that Leo's recital is on Thursday at 5pm.
            keep | Do the dishes on Sunday
            keep | Have the kids ready by 8 on Saturday
            keep | I have a dentist appointment on Tuesday at 3pm.
            keep | From now on, always answer in short bullet points.
            keep | I prefer window seats when I fly.
            keep | Yes, Saturday works. We'll leave at nine.
            keep | The zoo opens at 9 on weekends.
            keep | Find Leo's passport before Friday
            keep | Caroline: I went to a LGBTQ support group yesterday and it was so powerful.
            ask  | Can you recommend a good book for my daughter?
            ask  | Give me a recipe for banana bread.
            ask  | Do I have anything on Friday?
            ask  | Is it ok to give my dog chocolate?
            keep | I'm flying to Tokyo on the 12th, what's the time difference?
            keep | Our car is due for service next week, when should I book it?
            keep | Please keep in mind that Leo has piano on Tuesdays.
            keep | Can you save this: the wifi password is blue-fish-42
            keep | Note: my passport expires in March.
            keep | Did you know my sister lives in Austin?
            keep | Thanks!
            keep | Tim: Yeah, he's really inspiring. What's awesome about fantasy books is getting lost in another world.
            """;

    static Stream<Arguments> phrasings() {
        return Arrays.stream(TABLE.strip().split("\n")).map(line -> {
            String[] parts = line.split("\\|", 2);
            return Arguments.of(parts[0].strip(), parts[1].strip());
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("phrasings")
    void tellsQuestionsToTheAssistantFromThingsToKeep(String expected, String turn) {
        assertThat(AskOnlyTurns.onlyAsks(turn) ? "ask" : "keep").isEqualTo(expected);
    }
}
