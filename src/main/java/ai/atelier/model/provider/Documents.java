package ai.atelier.model.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** Converts between Jackson trees and the AWS SDK's {@link Document} (Bedrock's tool schemas and tool inputs). */
final class Documents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Documents() {}

    static Document from(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return Document.fromNull();
        if (n.isObject()) {
            Map<String, Document> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(f -> m.put(f.getKey(), from(f.getValue())));
            return Document.fromMap(m);
        }
        if (n.isArray()) {
            List<Document> l = new ArrayList<>();
            n.forEach(x -> l.add(from(x)));
            return Document.fromList(l);
        }
        if (n.isBoolean()) return Document.fromBoolean(n.asBoolean());
        if (n.isIntegralNumber()) return Document.fromNumber(SdkNumber.fromLong(n.asLong()));
        if (n.isNumber()) return Document.fromNumber(SdkNumber.fromBigDecimal(n.decimalValue()));
        return Document.fromString(n.asText());
    }

    static JsonNode toNode(Document d) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (d == null || d.isNull()) return f.nullNode();
        if (d.isMap()) {
            ObjectNode o = f.objectNode();
            d.asMap().forEach((k, v) -> o.set(k, toNode(v)));
            return o;
        }
        if (d.isList()) {
            ArrayNode a = f.arrayNode();
            d.asList().forEach(v -> a.add(toNode(v)));
            return a;
        }
        if (d.isBoolean()) return f.booleanNode(d.asBoolean());
        if (d.isNumber()) return f.numberNode(d.asNumber().bigDecimalValue());
        return f.textNode(d.asString());
    }

    static String toJson(Document d) {
        try {
            return JSON.writeValueAsString(toNode(d));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
