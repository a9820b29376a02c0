package ai.atelier.knowledge;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a company folder in the contract layout (see docs/company-folder.md). Nothing here knows
 * the example company: every name, colour and phrase comes from the files. A missing or malformed
 * required file stops the load with one line naming the file and the problem; a bad research file
 * is only skipped and named in {@link Company#skipped()}.
 */
public final class CompanyLoader {
    /** Largest single knowledge file read (research documents, YAML files). */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The folder being loaded (its real path), for the containment check of every file read. */
    private final ThreadLocal<Path> realRoot = new ThreadLocal<>();

    public Company load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new AtelierException("company folder not found: " + dir + " (pass a folder with company.yaml, research/, offerings.yaml, testimonials.yaml, design-guidelines.md and policies.yaml)", "company", null);
        }
        Path root = dir.toAbsolutePath().normalize();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new AtelierException("company folder " + dir + " cannot be opened: " + e.getMessage(), "company", e);
        }
        this.realRoot.set(realRoot);
        CompanyInfo info = info(root);
        List<SkippedFile> skipped = new ArrayList<>();
        List<ResearchDoc> research = research(root, skipped);
        List<Offering> offerings = offerings(root);
        List<Testimonial> testimonials = testimonials(root);
        String guidelines = text(root, "design-guidelines.md");
        Policies policies = policies(root);
        return new Company(root, info, research, offerings, testimonials, guidelines, policies, skipped);
    }

    private CompanyInfo info(Path root) {
        String file = "company.yaml";
        JsonNode n = yaml(root, file);
        requireObject(n, file);
        JsonNode brand = n.path("brand");
        if (!brand.isObject()) throw bad(file, "missing \"brand\" with primary, accent, background and text colours");
        CompanyInfo.Brand b = new CompanyInfo.Brand(
                colour(brand, "primary", file), colour(brand, "accent", file),
                colour(brand, "background", file), colour(brand, "text", file));
        JsonNode contact = n.path("contact");
        return new CompanyInfo(
                requiredString(n, "name", file),
                optionalString(n, "tagline"),
                b,
                fontStack(optionalString(n, "font"), file),
                new CompanyInfo.Contact(optionalString(contact, "email"), optionalString(contact, "phone"), optionalString(contact, "url")),
                industries(n.path("industries"), file), callToAction(n.path("callToAction"), file));
    }

    /** Optional {@code industries:} mapping of industry key to the other names visitors use for it. */
    private static java.util.Map<String, List<String>> industries(JsonNode n, String file) {
        if (n.isMissingNode() || n.isNull()) return java.util.Map.of();
        if (!n.isObject()) throw bad(file, "industries must map each industry key to a list of other names for it, e.g. logistics: [freight, trucking]");
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            String key = e.getKey().strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty() || key.length() > 60) throw bad(file, "industries has an empty or over-long industry key");
            List<String> names = lowerList(e.getValue(), file + " industries." + key);
            if (names.size() > 50) throw bad(file, "industries." + key + " lists more than 50 names");
            out.put(key, names.stream().filter(x -> x.length() <= 60).toList());
        });
        return out;
    }

    /** Optional {@code callToAction: {label, href}}: the company's own next step for every page. */
    private static CompanyInfo.CallToAction callToAction(JsonNode n, String file) {
        if (n.isMissingNode() || n.isNull()) return null;
        if (!n.isObject()) throw bad(file, "callToAction must be a mapping with label (and optionally href), e.g. {label: \"Book a call\", href: \"https://example.com/book\"}");
        String label = optionalString(n, "label");
        if (label == null || label.length() > 80) throw bad(file, "callToAction.label must be a short text of at most 80 characters");
        String href = optionalString(n, "href");
        if (href != null && !(href.startsWith("https://") || href.startsWith("mailto:") || href.startsWith("#"))) {
            throw bad(file, "callToAction.href must start with https://, mailto: or #, got \"" + href + "\"");
        }
        return new CompanyInfo.CallToAction(label, href);
    }

    /**
     * Research is loaded leniently: a file that cannot be used (unreadable, broken front matter,
     * empty, binary, too large, unsupported type) is recorded in {@code skipped} and the rest load.
     * Only a missing or unlistable research/ folder stops the load.
     */
    private List<ResearchDoc> research(Path root, List<SkippedFile> skipped) {
        Path dir = root.resolve("research");
        if (!Files.isDirectory(dir)) throw bad("research/", "folder is missing (create it; it may hold zero or more .md documents)");
        if (Files.isSymbolicLink(dir)) throw bad("research/", "is a link; the company folder is read only as real files and folders inside it");
        List<ResearchDoc> docs = new ArrayList<>();
        ResearchReader reader = new ResearchReader();
        // Files.walk does not follow links: a link to a folder is listed as an entry and refused below, never descended into
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> !f.equals(dir) && !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String id = root.relativize(p).toString().replace('\\', '/');
                if (p.getFileName().toString().startsWith(".")) continue;
                String refused = refusal(realRoot.get(), p);
                if (refused != null) {
                    skipped.add(new SkippedFile(id, refused));
                    continue;
                }
                if (!ResearchReader.supports(p)) {
                    skipped.add(new SkippedFile(id, "is not a supported research type (" + String.join(", ", ResearchReader.EXTENSIONS) + ")"));
                    continue;
                }
                try {
                    docs.add(reader.read(id, p.toRealPath()));
                } catch (ResearchReader.Unusable e) {
                    skipped.add(new SkippedFile(id, e.getMessage()));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw bad("research/", "cannot list: " + e.getMessage());
        }
        return docs;
    }

    private List<Offering> offerings(Path root) {
        String file = "offerings.yaml";
        JsonNode n = yaml(root, file);
        if (!n.isArray()) throw bad(file, "must be a list of {id, name, summary, industries, benefits}");
        List<Offering> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode o = n.get(i);
            String where = file + " entry " + (i + 1);
            requireObject(o, where);
            out.add(new Offering(requiredString(o, "id", where), requiredString(o, "name", where),
                    requiredString(o, "summary", where), lowerList(o.path("industries"), where + " industries"),
                    list(o.path("benefits"), where + " benefits")));
        }
        if (out.isEmpty()) throw bad(file, "lists no offerings; add at least one");
        return out;
    }

    private List<Testimonial> testimonials(Path root) {
        String file = "testimonials.yaml";
        JsonNode n = yaml(root, file);
        if (n.isNull() || n.isMissingNode()) return List.of();
        if (!n.isArray()) throw bad(file, "must be a list of {quote, author, role, company, industry}");
        List<Testimonial> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode t = n.get(i);
            String where = file + " entry " + (i + 1);
            requireObject(t, where);
            String industry = optionalString(t, "industry");
            out.add(new Testimonial(requiredString(t, "quote", where), requiredString(t, "author", where),
                    optionalString(t, "role"), optionalString(t, "company"),
                    industry == null ? "general" : industry.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    private Policies policies(Path root) {
        String file = "policies.yaml";
        JsonNode n = yaml(root, file);
        requireObject(n, file);
        return new Policies(list(n.path("bannedPhrases"), file + " bannedPhrases"),
                optionalString(n, "requiredDisclaimer"),
                lowerList(n.path("allowedLinkDomains"), file + " allowedLinkDomains"),
                optionalString(n, "tone"));
    }

    // ---- helpers -------------------------------------------------------------------------

    private JsonNode yaml(Path root, String file) {
        String text = text(root, file);
        try {
            JsonNode n = YAML.readTree(text);
            return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
        } catch (IOException e) {
            String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? ai.atelier.model.JsonErrors.yaml(p)
                    : ": " + (e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse(""));
            throw bad(file, "is not valid YAML" + msg);
        }
    }

    private String text(Path root, String file) {
        Path p = root.resolve(file);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw bad(file, "is missing from company folder " + root);
        String refused = refusal(realRoot.get(), p);
        if (refused != null) throw bad(file, refused);
        try {
            return read(root, p.toRealPath());
        } catch (IOException e) {
            throw bad(file, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Why {@code p} must not be read, or null when it may. The company folder is untrusted input:
     * a link is followed only when its real path stays inside the folder (a link out, say to
     * /etc/passwd, would publish that file on the page), a link to a folder is never followed,
     * and only regular files are read (a FIFO would block the run, a device would stream forever).
     */
    static String refusal(Path realRoot, Path p) {
        try {
            Path real = p.toRealPath();
            if (!real.startsWith(realRoot)) return "is a link that leads outside the company folder; links are followed only to files inside it";
            var attrs = Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class);
            if (attrs.isDirectory()) return "is a link to a folder; links to folders are not followed";
            if (!attrs.isRegularFile()) return "is not a regular file (a FIFO, device or socket); only plain files are read";
            return null;
        } catch (IOException e) {
            return Files.isSymbolicLink(p) ? "cannot be read: it is a link whose target does not exist" : "cannot be read: " + e.getMessage();
        }
    }

    private String read(Path root, Path p) {
        String name = p.startsWith(realRoot.get()) ? realRoot.get().relativize(p).toString() : p.getFileName().toString();
        try {
            if (Files.size(p) > MAX_FILE_BYTES) throw bad(name, "is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw bad(name, "cannot be read: " + e.getMessage());
        }
    }

    static AtelierException bad(String file, String problem) {
        return new AtelierException("company file " + file + " " + problem, file, null);
    }

    private static void requireObject(JsonNode n, String where) {
        if (!n.isObject()) throw bad(where, "must be a mapping of keys to values");
    }

    private static String requiredString(JsonNode n, String key, String where) {
        String v = optionalString(n, key);
        if (v == null) throw bad(where, "is missing \"" + key + "\"");
        return v;
    }

    private static String optionalString(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String colour(JsonNode brand, String key, String file) {
        String v = optionalString(brand, key);
        if (v == null || !HEX.matcher(v).matches()) {
            throw bad(file, "brand." + key + " must be a colour like \"#1A2B3C\", got " + (v == null ? "nothing" : "\"" + v + "\""));
        }
        return v.toUpperCase(Locale.ROOT);
    }

    /** A font stack goes into CSS; only names, spaces, commas, quotes and hyphens are allowed. */
    private static String fontStack(String font, String file) {
        if (font == null) return "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif";
        if (!font.matches("[A-Za-z0-9 ,\"'\\-]{1,200}")) throw bad(file, "font must be a CSS font-family list of names, got \"" + font + "\"");
        return font;
    }

    private static List<String> list(JsonNode n, String where) {
        if (n.isMissingNode() || n.isNull()) return List.of();
        if (n.isTextual()) return List.of(n.asText().strip());
        if (!n.isArray()) throw bad(where, "must be a list");
        List<String> out = new ArrayList<>();
        n.forEach(e -> {
            if (e.isContainerNode()) throw bad(where, "must be a list of strings");
            if (!e.asText().isBlank()) out.add(e.asText().strip());
        });
        return out;
    }

    private static List<String> lowerList(JsonNode n, String where) {
        return list(n, where).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
