package dev.memos4j.local.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads message {@code chat_time} values; times without a zone are taken as UTC. */
final class ChatTimes {

    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("h:mm a 'on' d MMMM, yyyy")
                    .toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("d MMMM yyyy, HH:mm")
                    .toFormatter(Locale.ENGLISH));
    private static final List<DateTimeFormatter> LOCAL_DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("d MMMM[,] yyyy")
                    .toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("MMMM d[,] yyyy")
                    .toFormatter(Locale.ENGLISH));
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

    private ChatTimes() {}

    /** The instant of a chat time, when it can be read. */
    static Optional<Instant> parse(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.matches("\\d{10,13}")) {
            long value = Long.parseLong(text);
            return Optional.of(Instant.ofEpochMilli(text.length() <= 10 ? value * 1000 : value));
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException ignored) {
            // not an offset date-time; try the local forms
        }
        for (DateTimeFormatter format : LOCAL_DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        for (DateTimeFormatter format : LOCAL_DATES) {
            try {
                return Optional.of(LocalDate.parse(text, format)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        return Optional.empty();
    }

    /** A date label embedded with a memory, e.g. "Monday, 8 May 2023": the weekday helps "weekend" queries. */
    static String label(Instant time) {
        return LABEL.format(time.atZone(ZoneOffset.UTC));
    }
}
