package dev.memos4j.local.server.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.memos4j.client.internal.Json;
import java.io.UncheckedIOException;

/**
 * The cloud's response envelope {@code {"code":0,"message":"ok","data":...}}; {@code data} is always
 * written, as {@code null} on errors, because the official clients expect all three fields.
 */
@JsonPropertyOrder({"code", "message", "data"})
@JsonInclude(JsonInclude.Include.ALWAYS)
record Envelope(
        @JsonProperty("code") int code,
        @JsonProperty("message") String message,
        @JsonProperty("data") Object data) {

    static Envelope ok(Object data) {
        return new Envelope(0, "ok", data);
    }

    static Envelope error(ApiException e) {
        return new Envelope(e.code(), e.getMessage(), null);
    }

    byte[] toBytes() {
        try {
            return Json.MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
