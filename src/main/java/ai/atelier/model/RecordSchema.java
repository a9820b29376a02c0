package ai.atelier.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the JSON Schema of a persona's answer from its record type, so the schema a model is
 * given, the check its answer passes and the type it is parsed into cannot drift apart. Records
 * become objects (every component required unless listed as optional, no extra properties), lists
 * become arrays, enums string enums; the bounds declared with {@link Shape} on a component become
 * minLength/maxLength, minItems/maxItems and minimum/maximum. Values that depend on the request's
 * context (the links a policy allows, the ids a step must reuse, the offerings a company sells)
 * are added per request with {@link #choices} and {@link #items}, which is what lets constrained
 * decoding make an answer right by construction instead of a validator rejecting it afterwards.
 *
 * <p>Components are named "RecordSimpleName.component" throughout.
 */
public final class RecordSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Class<? extends Record> type;
    private final Set<String> optional = new HashSet<>();
    private final Map<String, List<String>> choices = new HashMap<>();
    private final Map<String, int[]> items = new HashMap<>();

    private RecordSchema(Class<? extends Record> type) {
        this.type = type;
    }

    /** A schema under construction for {@code type}. */
    public static RecordSchema of(Class<? extends Record> type) {
        return new RecordSchema(type);
    }

    /**
     * @param optional components that may be null, as "RecordSimpleName.component"
     */
    public static String of(Class<? extends Record> type, Set<String> optional) {
        return of(type).optional(optional).json();
    }

    /** Components that may be left out (null). */
    public RecordSchema optional(Set<String> components) {
        optional.addAll(components);
        return this;
    }

    /**
     * The only values a string component (or each entry of a list-of-strings component) may take.
     * An empty list leaves the component as declared, since a schema with no allowed value has no
     * valid answer at all.
     */
    public RecordSchema choices(String component, List<String> values) {
        if (!values.isEmpty()) choices.put(component, List.copyOf(new java.util.LinkedHashSet<>(values)));
        return this;
    }

    /** A context-bound number of entries for a list component, overriding its declared {@link Shape}. */
    public RecordSchema items(String component, int min, int max) {
        items.put(component, new int[]{min, max});
        return this;
    }

    public String json() {
        return node(type).toString();
    }

    public ObjectNode tree() {
        return node(type);
    }

    private ObjectNode node(Type t) {
        return node(t, null, null);
    }

    private ObjectNode node(Type t, String component, Shape shape) {
        ObjectNode n = JSON.createObjectNode();
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            n.put("type", "array");
            n.set("items", node(p.getActualTypeArguments()[0], component, shape));
            int[] count = component == null ? null : items.get(component);
            int min = count != null ? count[0] : shape != null ? shape.minItems() : -1;
            int max = count != null ? count[1] : shape != null ? shape.maxItems() : -1;
            if (min > 0) n.put("minItems", min);
            if (max >= 0) n.put("maxItems", max);
            return n;
        }
        Class<?> c = (Class<?>) (t instanceof ParameterizedType p ? p.getRawType() : t);
        if (c.isRecord()) {
            n.put("type", "object");
            ObjectNode props = n.putObject("properties");
            ArrayNode required = n.putArray("required");
            for (RecordComponent rc : c.getRecordComponents()) {
                String name = c.getSimpleName() + "." + rc.getName();
                props.set(rc.getName(), node(rc.getGenericType(), name, rc.getAnnotation(Shape.class)));
                if (!optional.contains(name)) required.add(rc.getName());
            }
            n.put("additionalProperties", false);
        } else if (c.isEnum()) {
            n.put("type", "string");
            ArrayNode values = n.putArray("enum");
            for (Object o : c.getEnumConstants()) values.add(((Enum<?>) o).name());
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            n.put("type", "integer");
            if (shape != null && shape.minimum() != Long.MIN_VALUE) n.put("minimum", shape.minimum());
            if (shape != null && shape.maximum() != Long.MAX_VALUE) n.put("maximum", shape.maximum());
        } else if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            n.put("type", "number");
        } else if (c == boolean.class || c == Boolean.class) {
            n.put("type", "boolean");
        } else {
            n.put("type", "string");
            List<String> allowed = component == null ? null : choices.get(component);
            if (allowed != null) {
                ArrayNode values = n.putArray("enum");
                allowed.forEach(values::add);
            } else if (shape != null) {
                if (shape.minLength() > 0) n.put("minLength", shape.minLength());
                if (shape.maxLength() >= 0) n.put("maxLength", shape.maxLength());
            }
        }
        return n;
    }
}
