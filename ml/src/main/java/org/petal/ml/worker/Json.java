package org.petal.ml.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Strict field access for the protocol's JSON: a missing field, a fraction where an integer belongs or a
 * wrong type is a {@link WorkerCodec.BadFrame} naming the field, never a silent zero.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    static ObjectNode object(String type) {
        return MAPPER.createObjectNode().put("type", type);
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static JsonNode read(String text) {
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new WorkerCodec.BadFrame("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new WorkerCodec.BadFrame("a message is one JSON object");
        }
        return n;
    }

    static String string(JsonNode n, String field) {
        JsonNode v = field(n, field);
        if (!v.isTextual()) {
            throw new WorkerCodec.BadFrame("'" + field + "' must be a string");
        }
        return v.textValue();
    }

    static long integer(JsonNode n, String field) {
        JsonNode v = field(n, field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new WorkerCodec.BadFrame("'" + field + "' must be an integer");
        }
        return v.longValue();
    }

    static int int32(JsonNode n, String field) {
        long v = integer(n, field);
        if (v != (int) v) {
            throw new WorkerCodec.BadFrame("'" + field + "' is out of range");
        }
        return (int) v;
    }

    static double number(JsonNode n, String field) {
        JsonNode v = field(n, field);
        if (!v.isNumber()) {
            throw new WorkerCodec.BadFrame("'" + field + "' must be a number");
        }
        return v.doubleValue();
    }

    static boolean bool(JsonNode n, String field) {
        JsonNode v = field(n, field);
        if (!v.isBoolean()) {
            throw new WorkerCodec.BadFrame("'" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    static int[] ints(JsonNode n, String field, int count) {
        JsonNode a = array(n, field, count);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            if (!a.get(i).isIntegralNumber() || !a.get(i).canConvertToInt()) {
                throw new WorkerCodec.BadFrame("'" + field + "' must hold " + count + " 32-bit integers");
            }
            out[i] = a.get(i).intValue();
        }
        return out;
    }

    static double[] doubles(JsonNode n, String field, int count) {
        JsonNode a = array(n, field, count);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            if (!a.get(i).isNumber()) {
                throw new WorkerCodec.BadFrame("'" + field + "' must hold " + count + " numbers");
            }
            out[i] = a.get(i).doubleValue();
        }
        return out;
    }

    static void put(ObjectNode n, String field, int... values) {
        ArrayNode a = n.putArray(field);
        for (int v : values) {
            a.add(v);
        }
    }

    static void put(ObjectNode n, String field, double... values) {
        ArrayNode a = n.putArray(field);
        for (double v : values) {
            a.add(v);
        }
    }

    private static JsonNode array(JsonNode n, String field, int count) {
        JsonNode a = field(n, field);
        if (!a.isArray() || a.size() != count) {
            throw new WorkerCodec.BadFrame("'" + field + "' must be an array of " + count);
        }
        return a;
    }

    private static JsonNode field(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new WorkerCodec.BadFrame("'" + field + "' is missing");
        }
        return v;
    }
}
