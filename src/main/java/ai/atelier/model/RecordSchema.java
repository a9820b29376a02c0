package ai.atelier.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Set;

/**
 * Derives the JSON Schema of a persona's output from its record type, so the schema a model is
 * given and the type its answer is parsed into cannot drift apart. Records become objects (every
 * component required unless listed as optional, no extra properties), lists become arrays, enums
 * become string enums, strings, numbers and booleans map as expected.
 */
public final class RecordSchema {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordSchema() {}

    /**
     * @param optional components that may be null, as "RecordSimpleName.component"
     */
    public static String of(Class<? extends Record> type, Set<String> optional) {
        return node(type, optional).toString();
    }

    static ObjectNode node(Type t, Set<String> optional) {
        ObjectNode n = JSON.createObjectNode();
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            n.put("type", "array");
            n.set("items", node(p.getActualTypeArguments()[0], optional));
            return n;
        }
        Class<?> c = (Class<?>) (t instanceof ParameterizedType p ? p.getRawType() : t);
        if (c.isRecord()) {
            n.put("type", "object");
            ObjectNode props = n.putObject("properties");
            ArrayNode required = n.putArray("required");
            for (RecordComponent rc : c.getRecordComponents()) {
                props.set(rc.getName(), node(rc.getGenericType(), optional));
                if (!optional.contains(c.getSimpleName() + "." + rc.getName())) required.add(rc.getName());
            }
            n.put("additionalProperties", false);
        } else if (c.isEnum()) {
            n.put("type", "string");
            ArrayNode values = n.putArray("enum");
            for (Object o : c.getEnumConstants()) values.add(((Enum<?>) o).name());
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            n.put("type", "integer");
        } else if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            n.put("type", "number");
        } else if (c == boolean.class || c == Boolean.class) {
            n.put("type", "boolean");
        } else {
            n.put("type", "string");
        }
        return n;
    }
}
