package org.diffold.lab.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project's one JSON configuration: map order is kept, and {@code NaN} and {@code ±Infinity} are written as
 * the bare tokens {@code NaN}, {@code Infinity} and {@code -Infinity} (as Python's {@code json} module does) so
 * that results round-trip as doubles. Numbers read back as {@code Integer}, {@code Long} or {@code Double}.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    /**
     * Returns the shared mapper; do not reconfigure it.
     *
     * @return the thread-safe shared mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Serializes a value as compact JSON.
     *
     * @param value a map, list, record, string, number, boolean or null
     * @return the JSON text
     * @throws IllegalArgumentException if the value cannot be serialized
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + describe(value) + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Serializes a value as indented JSON, ending with a newline.
     *
     * @param value a map, list, record, string, number, boolean or null
     * @return the JSON text
     * @throws IllegalArgumentException if the value cannot be serialized
     */
    public static String writePretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + describe(value) + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a JSON object into an insertion-ordered map.
     *
     * @param json the text of one JSON object
     * @return a mutable {@link LinkedHashMap}
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public static Map<String, Object> readMap(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + org.diffold.core.data.Printable.of(String.valueOf(e.getOriginalMessage())), e);
        }
    }

    /**
     * Parses JSON into a value of the given type.
     *
     * @param json the text
     * @param type the target class, for example a record
     * @param <T> the target type
     * @return the parsed value
     * @throws IllegalArgumentException if the text does not match the type
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from JSON: "
                    + org.diffold.core.data.Printable.of(String.valueOf(e.getOriginalMessage())), e);
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
