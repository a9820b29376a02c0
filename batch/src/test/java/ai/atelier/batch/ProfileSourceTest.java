package ai.atelier.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile readers: every format keeps good rows, and a bad row names its file and line. */
class ProfileSourceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    static List<String> noParquet(Path p) {
        throw new AssertionError("not a Parquet input: " + p);
    }

    @Test
    void jsonLinesKeepsGoodLinesAndNamesTheBadOnesByLine() throws Exception {
        Path f = tmp.resolve("visitors.jsonl");
        Files.writeString(f, """
                {"name":"Ada Obi","industry":"retail"}
                {"name": "broken",

                [1,2]
                {"name":"Tomás Lindqvist","industry":"manufacturing","interests":["energy costs"]}
                """);
        List<ProfileRow> rows = ProfileSource.read(f, ProfileSourceTest::noParquet);
        assertThat(rows).extracting(ProfileRow::place).containsExactly("visitors.jsonl line 1", "visitors.jsonl line 2",
                "visitors.jsonl line 4", "visitors.jsonl line 5");
        assertThat(rows.get(0).problem()).isNull();
        assertThat(rows.get(1).problem()).startsWith("not valid JSON");
        assertThat(rows.get(2).problem()).startsWith("not a JSON object");
        assertThat(JSON.readTree(rows.get(3).json()).path("interests").get(0).asText()).isEqualTo("energy costs");
    }

    @Test
    void csvHeaderNamesFieldsListsSplitOnSemicolonsNumbersParsedQuotesAndLineBreaksKept() throws Exception {
        Path f = tmp.resolve("crm.csv");
        Files.writeString(f, "name,industry,companySize,interests,mission,segment\r\n"
                + "Priya Raman,manufacturing,240,predictive maintenance;energy costs,\"Zero defects, on time\",A\r\n"
                + "Bad Size,retail,many,,,B\r\n"
                + "Short,retail\r\n"
                + "\"Multi\nLine\",logistics,12,fleet,\"says \"\"hi\"\"\",C\r\n");
        List<ProfileRow> rows = ProfileSource.read(f, ProfileSourceTest::noParquet);
        assertThat(rows).extracting(ProfileRow::place).containsExactly("crm.csv line 2", "crm.csv line 3", "crm.csv line 4", "crm.csv line 5");
        var priya = JSON.readTree(rows.get(0).json());
        assertThat(priya.path("companySize").asInt()).isEqualTo(240);
        assertThat(priya.path("interests")).hasSize(2);
        assertThat(priya.path("interests").get(1).asText()).isEqualTo("energy costs");
        assertThat(priya.path("mission").asText()).isEqualTo("Zero defects, on time");
        assertThat(priya.path("segment").asText()).isEqualTo("A"); // unknown column: an extra attribute
        assertThat(rows.get(1).problem()).isEqualTo("column companySize must be a whole number, got \"many\"");
        assertThat(rows.get(2).problem()).isEqualTo("has 2 columns, the header has 6");
        var multi = JSON.readTree(rows.get(3).json());
        assertThat(multi.path("name").asText()).isEqualTo("Multi\nLine");
        assertThat(multi.path("mission").asText()).isEqualTo("says \"hi\"");
        assertThat(AtelierAdapter.canonicalProfile(rows.get(0).json())).contains("Priya Raman");
    }

    @Test
    void csvWithoutTheRequiredColumnsIsRefusedInOneLine() throws Exception {
        Path f = tmp.resolve("x.csv");
        Files.writeString(f, "fullName,sector\nA,b\n");
        assertThatThrownBy(() -> ProfileSource.read(f, ProfileSourceTest::noParquet)).isInstanceOf(AtelierException.class)
                .hasMessage("--profiles " + f + ": the header (line 1) must name the columns name and industry; it has fullName,sector");
    }

    @Test
    void aFolderOfJsonFilesReadsEachFileAndNamesTheBrokenOne() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("profiles"));
        Files.copy(Path.of("examples/profiles/manufacturing-priya-raman.json"), dir.resolve("a.json"));
        Files.writeString(dir.resolve("b.json"), "{not json");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        List<ProfileRow> rows = ProfileSource.read(dir, ProfileSourceTest::noParquet);
        assertThat(rows).extracting(ProfileRow::place).containsExactly("a.json", "b.json");
        assertThat(rows.get(0).problem()).isNull();
        assertThat(rows.get(1).problem()).startsWith("not valid JSON");
    }

    @Test
    void anUnknownFormatOrAMissingFileIsRefusedWithTheFix() {
        assertThatThrownBy(() -> ProfileSource.read(tmp.resolve("none.jsonl"), ProfileSourceTest::noParquet))
                .hasMessageContaining("does not exist; give a .jsonl, .csv or .parquet file, or a folder of .json files");
        assertThatThrownBy(() -> {
            Files.writeString(tmp.resolve("v.xlsx"), "x");
            ProfileSource.read(tmp.resolve("v.xlsx"), ProfileSourceTest::noParquet);
        }).hasMessageContaining("unknown format; name it .jsonl");
    }
}
