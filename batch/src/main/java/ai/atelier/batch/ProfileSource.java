package ai.atelier.batch;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads visitor profiles from what a business exports: JSON Lines (one profile a line), CSV with a
 * header (columns are profile fields; a list field such as {@code interests} is written {@code a;b};
 * numbers are parsed), a folder of {@code .json} files, or Parquet (read through Spark, handed in as
 * a function from file to JSON rows). Each row keeps its place (file and line) so a bad one is
 * reported where the user can find it; this class only reads, the profile rules are checked later.
 */
final class ProfileSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The biggest input file read as text; a profile is at most 64 KiB, so this is ~16,000 of the largest ones. */
    static final long MAX_TEXT_BYTES = 1L << 30;

    private ProfileSource() {}

    static List<ProfileRow> read(Path input, Function<Path, List<String>> parquet) {
        if (!Files.exists(input)) {
            throw new AtelierException("--profiles " + input + " does not exist; give a .jsonl, .csv or .parquet file, or a folder of .json files", "profiles", null);
        }
        if (Files.isDirectory(input)) return folder(input, parquet);
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return jsonLines(input);
        if (name.endsWith(".csv")) return csv(input);
        if (name.endsWith(".parquet")) return parquetRows(input, parquet);
        if (name.endsWith(".json")) return List.of(jsonFile(input));
        throw new AtelierException("--profiles " + input + ": unknown format; name it .jsonl (JSON Lines), .csv (with a header), .parquet, or give a folder of .json files", "profiles", null);
    }

    private static List<ProfileRow> folder(Path dir, Function<Path, List<String>> parquet) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
            List<Path> parquets = files.stream().filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
            if (!parquets.isEmpty() || Files.exists(dir.resolve("_SUCCESS"))) return parquetRows(dir, parquet); // a Parquet dataset folder
            List<ProfileRow> rows = new ArrayList<>();
            for (Path f : files) if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) rows.add(jsonFile(f));
            if (rows.isEmpty()) throw new AtelierException("--profiles " + dir + " holds no .json files", "profiles", null);
            return rows;
        } catch (IOException e) {
            throw new AtelierException("cannot read --profiles " + dir + ": " + e.getMessage(), "profiles", e);
        }
    }

    private static ProfileRow jsonFile(Path f) {
        String place = f.getFileName().toString();
        try {
            if (Files.size(f) > 64 * 1024) return ProfileRow.bad(place, "the profile is over 64 KiB");
            return object(place, text(f));
        } catch (IOException e) {
            return ProfileRow.bad(place, "cannot read it: " + e.getMessage());
        }
    }

    private static List<ProfileRow> jsonLines(Path f) {
        List<String> lines = lines(f);
        List<ProfileRow> rows = new ArrayList<>();
        String file = f.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            rows.add(object(file + " line " + (i + 1), lines.get(i)));
        }
        return rows;
    }

    private static ProfileRow object(String place, String text) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject()) return ProfileRow.bad(place, "not a JSON object (a profile is {\"name\": …, \"industry\": …, …})");
            return ProfileRow.ok(place, JSON.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            return ProfileRow.bad(place, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static List<ProfileRow> parquetRows(Path p, Function<Path, List<String>> parquet) {
        List<String> json = parquet.apply(p);
        List<ProfileRow> rows = new ArrayList<>();
        String file = p.getFileName().toString();
        for (int i = 0; i < json.size(); i++) rows.add(object(file + " row " + (i + 1), json.get(i)));
        return rows;
    }

    /** CSV per RFC 4180 (quoted fields may hold commas, quotes doubled, and line breaks); the header names profile fields. */
    static List<ProfileRow> csv(Path f) {
        String file = f.getFileName().toString();
        List<Csv.Record> records = Csv.parse(text(f));
        if (records.isEmpty()) throw new AtelierException("--profiles " + f + " is empty; the first line must be a header of profile fields (name,industry,…)", "profiles", null);
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        if (!header.contains("name") || !header.contains("industry")) {
            throw new AtelierException("--profiles " + f + ": the header (line 1) must name the columns name and industry; it has " + String.join(",", header), "profiles", null);
        }
        List<ProfileRow> rows = new ArrayList<>();
        for (Csv.Record r : records.subList(1, records.size())) {
            String place = file + " line " + r.line();
            if (r.problem() != null) {
                rows.add(ProfileRow.bad(place, r.problem()));
                continue;
            }
            if (r.fields().size() == 1 && r.fields().get(0).isBlank()) continue;
            if (r.fields().size() != header.size()) {
                rows.add(ProfileRow.bad(place, "has " + r.fields().size() + " columns, the header has " + header.size()));
                continue;
            }
            ObjectNode o = JSON.createObjectNode();
            String problem = null;
            for (int i = 0; i < header.size() && problem == null; i++) {
                String col = header.get(i), v = r.fields().get(i);
                if (v.isEmpty()) continue;
                switch (AtelierAdapter.profileFieldKind(col)) {
                    case LIST -> {
                        ArrayNode a = o.putArray(col);
                        for (String part : v.split(";")) if (!part.isBlank()) a.add(part.strip());
                    }
                    case NUMBER -> {
                        try {
                            o.put(col, Integer.parseInt(v.strip()));
                        } catch (NumberFormatException e) {
                            problem = "column " + col + " must be a whole number, got \"" + abbreviate(v) + "\"";
                        }
                    }
                    default -> o.put(col, v);
                }
            }
            rows.add(problem != null ? ProfileRow.bad(place, problem) : ProfileRow.ok(place, o.toString()));
        }
        return rows;
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    private static List<String> lines(Path f) {
        return text(f).lines().toList();
    }

    private static String text(Path f) {
        try {
            if (Files.size(f) > MAX_TEXT_BYTES) {
                throw new AtelierException("--profiles " + f + " is over 1 GiB; split it into several files in one folder, or use Parquet", "profiles", null);
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        } catch (CharacterCodingException e) {
            throw new AtelierException("--profiles " + f + " is not UTF-8 text; save it as UTF-8", "profiles", e);
        } catch (IOException e) {
            throw new AtelierException("cannot read --profiles " + f + ": " + e.getMessage(), "profiles", e);
        }
    }
}
