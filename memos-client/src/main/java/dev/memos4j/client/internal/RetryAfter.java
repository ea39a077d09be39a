package dev.memos4j.client.internal;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads how long a server asked to wait: {@code Retry-After} as delay seconds or an HTTP date. */
@Internal
public final class RetryAfter {

    private RetryAfter() {}

    /**
     * The wait of an OpenAI-style response: {@code Retry-After-Ms} in milliseconds when present and
     * valid, else {@code Retry-After}.
     *
     * @param headers the response headers
     * @param clock the clock an HTTP date is measured against
     * @return the requested wait, if the headers name a valid one
     */
    public static Optional<Duration> fromHeaders(HttpHeaders headers, Clock clock) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                double ms = Double.parseDouble(millis.get().trim());
                if (ms >= 0) {
                    return Optional.of(Duration.ofMillis((long) ms));
                }
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return parse(headers.firstValue("retry-after").orElse(null), clock);
    }

    /**
     * A {@code Retry-After} value: (possibly fractional) delay seconds or an HTTP date; a date in the
     * past means no wait.
     *
     * @param value the header value, or null
     * @param clock the clock an HTTP date is measured against
     * @return the requested wait, if the value is a valid one
     */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 || Double.isNaN(seconds)
                    ? Optional.empty()
                    : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
