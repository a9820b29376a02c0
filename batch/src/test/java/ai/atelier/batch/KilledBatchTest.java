package ai.atelier.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch killed midway (SIGKILL of a child JVM running {@code atelier batch}, once its first site
 * has finished) loses no finished site: the same command run again keeps every finished site's
 * folder as it was (skipped-done), resumes the one that was cut off, and makes the rest.
 */
class KilledBatchTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    @Test
    void aKilledBatchRunAgainKeepsEveryFinishedSiteAndFinishesTheRest() throws Exception {
        Path profiles = tmp.resolve("visitors.jsonl");
        Files.writeString(profiles, String.join("\n", BatchSparkTest.example("manufacturing-tomas-lindqvist"),
                BatchSparkTest.example("healthcare-rebecca-whitfield"), BatchSparkTest.example("logistics-marcus-adeyemi")) + "\n");
        Path out = tmp.resolve("out");
        List<String> args = List.of("--profiles", profiles.toString(), "--company", "examples/company", "--out", out.toString(), "--no-browser",
                "--master", "local[1]");

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")
                    || a.startsWith("-Djava.io.tmpdir") || a.startsWith("-Duser.home")) cmd.add(a);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BatchCommand.class.getName());
        cmd.addAll(args);
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Map<Path, byte[]> finished = new HashMap<>();
        List<Path> cutOff = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (reports(out).isEmpty()) {
                assertThat(child.isAlive()).as("the child batch ended before it was killed: " + Files.readString(tmp.resolve("child.log"))).isTrue();
                assertThat(System.nanoTime()).as("no site finished in 5 minutes").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no final results.jsonl
            child.waitFor(30, TimeUnit.SECONDS);
        }
        for (Path r : reports(out)) finished.put(r.getParent(), Files.readAllBytes(r));
        try (Stream<Path> s = Files.list(out.resolve("sites"))) {
            for (Path d : s.toList()) if (Files.exists(d.resolve("run.json")) && !Files.exists(d.resolve("report.json"))) cutOff.add(d);
        }
        assertThat(finished).isNotEmpty();

        int code = BatchCommand.execute(System.err, args.toArray(String[]::new));
        assertThat(code).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String l : Files.readAllLines(out.resolve("results.jsonl"))) rows.add(JSON.readTree(l));
        assertThat(rows).hasSize(3);
        assertThat(rows).allMatch(r -> r.path("status").asText().equals("done") || r.path("status").asText().equals("skipped-done"));
        for (var e : finished.entrySet()) {
            assertThat(Files.readAllBytes(e.getKey().resolve("report.json"))).as("a finished site is kept as it was").isEqualTo(e.getValue());
            String dir = "sites/" + e.getKey().getFileName();
            assertThat(rows).filteredOn(r -> r.path("siteDir").asText().equals(dir)).extracting(r -> r.path("status").asText()).containsExactly("skipped-done");
        }
        for (Path d : cutOff) {
            // cut off midway: resumed in its folder (a second session), not started over
            assertThat(JSON.readTree(d.resolve("report.json").toFile()).path("sessions").asInt()).as(d.toString()).isGreaterThanOrEqualTo(2);
        }
        assertThat(rows.stream().filter(r -> r.path("status").asText().equals("done")).count()).isEqualTo(3 - finished.size());
    }

    private static List<Path> reports(Path out) throws Exception {
        Path sites = out.resolve("sites");
        if (!Files.isDirectory(sites)) return List.of();
        try (Stream<Path> s = Files.list(sites)) {
            return s.map(d -> d.resolve("report.json")).filter(Files::isRegularFile).toList();
        }
    }
}
