package dev.memos4j.local.internal;

import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.MemoryType;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.PreferenceType;
import dev.memos4j.client.model.Timestamp;
import java.util.Map;
import java.util.Optional;

/** The API shapes of stored records, and the engine's "not found" error. */
final class RecordViews {

    private RecordViews() {}

    static MemoryDetail toMemoryDetail(StoredItem item, Optional<Double> relativity, boolean listing) {
        return new MemoryDetail(
                item.id(),
                Optional.of(item.key()),
                item.text(),
                Optional.of(MemoryType.of(item.type())),
                Optional.of(Timestamp.ofEpochMillis(item.createTime())),
                Optional.of(Timestamp.ofEpochMillis(item.updateTime())),
                Optional.of(item.conversationId()),
                Optional.of(item.status()),
                Optional.of(item.confidence()),
                item.tags(),
                relativity,
                item.sources(),
                listing ? item.info() : Map.of(),
                Map.of());
    }

    static PreferenceDetail toPreferenceDetail(StoredItem item, Optional<Double> relativity, boolean listing) {
        return new PreferenceDetail(
                item.id(),
                item.text(),
                Optional.of(PreferenceType.of(item.type())),
                Optional.of(item.type().contains("explicit") ? "stated by the user" : "inferred from the conversation"),
                Optional.of(Timestamp.ofEpochMillis(item.createTime())),
                Optional.of(Timestamp.ofEpochMillis(item.updateTime())),
                Optional.of(item.conversationId()),
                Optional.of(item.status()),
                relativity,
                item.sources(),
                listing ? item.info() : Map.of(),
                Map.of());
    }

    static MemosServiceException notFound(int code, String message) {
        return MemosServiceException.of(404, code, message, null, null, null);
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
