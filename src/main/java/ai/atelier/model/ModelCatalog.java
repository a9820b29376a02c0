package ai.atelier.model;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model catalog: every known model with its tier and list price. The bundled catalog
 * ({@code models/catalog.yaml}) can be overridden and extended entry by entry, by name.
 */
public final class ModelCatalog {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Map<String, CatalogEntry> entries;

    public ModelCatalog(Collection<CatalogEntry> entries) {
        Map<String, CatalogEntry> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.name(), e));
        this.entries = Map.copyOf(m);
        this.order = List.copyOf(m.keySet());
    }

    private final List<String> order;

    public static ModelCatalog bundled() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("/models/catalog.yaml")) {
            return new ModelCatalog(parse(YAML.readTree(in).path("models"), "bundled catalog"));
        } catch (IOException e) {
            throw new IllegalStateException("bundled model catalog unreadable", e);
        }
    }

    /** This catalog with {@code extra} entries added or replacing those of the same name. */
    public ModelCatalog with(Collection<CatalogEntry> extra) {
        Map<String, CatalogEntry> m = new LinkedHashMap<>();
        order.forEach(n -> m.put(n, entries.get(n)));
        extra.forEach(e -> m.put(e.name(), e));
        return new ModelCatalog(m.values());
    }

    public Optional<CatalogEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public List<CatalogEntry> all() {
        return order.stream().map(entries::get).toList();
    }

    /** Parses a YAML list of catalog entries (the bundled file's format). */
    public static List<CatalogEntry> parse(JsonNode list, String source) {
        if (!list.isArray()) throw new AtelierException(source + ": catalog must be a list of models");
        List<CatalogEntry> out = new ArrayList<>();
        for (JsonNode n : list) {
            String name = text(n, "name");
            if (name == null) throw new AtelierException(source + ": a catalog entry has no name");
            Map<String, Double> perImage = new LinkedHashMap<>();
            n.path("perImage").fields().forEachRemaining(f -> perImage.put(f.getKey(), f.getValue().asDouble()));
            Tier tier;
            try {
                tier = Tier.parse(n.path("tier").asText("small"));
            } catch (IllegalArgumentException e) {
                throw new AtelierException(source + ": model " + name + " has tier \"" + n.path("tier").asText() + "\"; use small, medium, large or frontier");
            }
            out.add(new CatalogEntry(name, text(n, "provider"), n.hasNonNull("modelId") ? text(n, "modelId") : name, tier,
                    n.path("kind").asText("chat"), n.hasNonNull("contextWindow") ? n.get("contextWindow").asInt() : null,
                    num(n, "input", source, name), num(n, "output", source, name), num(n, "cachedInput", source, name), num(n, "cacheWriteInput", source, name), perImage,
                    n.path("selfHosted").asBoolean(false), text(n, "source"), text(n, "asOf")));
        }
        return out;
    }

    private static String text(JsonNode n, String k) {
        return n.hasNonNull(k) ? n.get(k).asText() : null;
    }

    /** A price: a number, or absent (unknown); any other value is refused, never read as 0 (free). */
    private static Double num(JsonNode n, String k, String source, String model) {
        if (!n.hasNonNull(k)) return null;
        if (!n.get(k).isNumber() || n.get(k).asDouble() < 0) {
            throw new AtelierException(source + ": model " + model + " has " + k + ": \"" + n.get(k).asText()
                    + "\"; give the price in USD per 1M tokens as a number, e.g. " + k + ": 0.15, or leave it out if unknown");
        }
        return n.get(k).asDouble();
    }
}
