package dev.memos4j.client.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;

/**
 * Writes {@code user_id} / {@code agent_id} of add/message the way the official client sends them: no id
 * as {@code null}, one id as a string (what every MemOS version accepts), several as an array.
 */
final class SubjectIdsSerializer extends StdSerializer<List<String>> {

    @SuppressWarnings({"unchecked", "rawtypes"})
    SubjectIdsSerializer() {
        super((Class<List<String>>) (Class) List.class);
    }

    @Override
    public void serialize(List<String> ids, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (ids.isEmpty()) {
            gen.writeNull();
        } else if (ids.size() == 1) {
            gen.writeString(ids.get(0));
        } else {
            gen.writeStartArray(ids, ids.size());
            for (String id : ids) {
                gen.writeString(id);
            }
            gen.writeEndArray();
        }
    }
}
