package ai.atelier.model.llama;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/** Derives a JSON schema from a record type (strings, numbers, booleans, enums, lists, nested records), every field required. */
final class RecordSchema {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordSchema() {}

    static String of(Class<?> type) {
        return schema(type).toString();
    }

    private static ObjectNode schema(Type t) {
        ObjectNode n = JSON.createObjectNode();
        if (t instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            n.put("type", "array");
            n.set("items", schema(pt.getActualTypeArguments()[0]));
            return n;
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) n.put("type", "string");
        else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) n.put("type", "integer");
        else if (c == double.class || c == Double.class) n.put("type", "number");
        else if (c == boolean.class || c == Boolean.class) n.put("type", "boolean");
        else if (c.isEnum()) {
            ArrayNode values = n.putArray("enum");
            for (Object v : c.getEnumConstants()) values.add(((Enum<?>) v).name());
        } else if (c.isRecord()) {
            n.put("type", "object");
            ObjectNode props = n.putObject("properties");
            ArrayNode required = n.putArray("required");
            for (RecordComponent rc : c.getRecordComponents()) {
                props.set(rc.getName(), schema(rc.getGenericType()));
                required.add(rc.getName());
            }
            n.put("additionalProperties", false);
        } else {
            throw new IllegalArgumentException("no schema for " + c);
        }
        return n;
    }
}
