package ai.atelier.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.AtelierException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk store: hashed keys, whole entries only, the size bound, hit and miss counts. */
class ReuseStoreTest {
    @TempDir
    Path dir;

    @Test
    void keysAreHashesThatSeparateTheirParts() {
        String k = ReuseStore.key("artist", "ab", "c");
        assertThat(k).matches("[0-9a-f]{64}");
        assertThat(ReuseStore.key("artist", "a", "bc")).isNotEqualTo(k);
        assertThat(ReuseStore.key("artist", "ab", "c")).isEqualTo(k);
        assertThat(ReuseStore.key("retrieval", "ab", "c")).isNotEqualTo(k);
        assertThat(ReuseStore.key("artist", (String) null)).isNotEqualTo(ReuseStore.key("artist", ""));
    }

    @Test
    void storesWholeEntriesUnderTheirHashAndCountsHitsAndMisses() throws Exception {
        ReuseStore store = ReuseStore.open(dir.resolve("reuse"));
        String key = ReuseStore.key("artist", "a foundry at dawn");
        assertThat(store.get("artist", key)).isEmpty();
        store.put("artist", key, "picture".getBytes(StandardCharsets.UTF_8));
        assertThat(store.get("artist", key)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("picture"));
        assertThat(store.get("artist", key)).isPresent();
        assertThat(store.stats().steps().get("artist")).isEqualTo(new ReuseStats.Step(2, 1, 0));
        assertThat(store.stats().describe()).isEqualTo("artist 2 hits / 1 miss (67%)");
        try (Stream<Path> files = Files.walk(store.dir())) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> store.dir().relativize(p).toString()).toList();
            assertThat(names).containsExactly("artist/" + key.substring(0, 2) + "/" + key); // no temporary file left behind
        }
    }

    @Test
    void anEntryOverTheBoundIsNeitherWrittenNorRead() throws Exception {
        ReuseStore small = ReuseStore.open(dir, 8);
        String key = ReuseStore.key("artist", "big");
        small.put("artist", key, new byte[9]);
        assertThat(small.get("artist", key)).isEmpty();
        assertThat(small.stats().steps().get("artist").tooLarge()).isEqualTo(1);
        // written by a store with a larger bound: still not read by this one
        ReuseStore.open(dir).put("artist", key, new byte[9]);
        assertThat(small.get("artist", key)).isEmpty();
    }

    @Test
    void concurrentWritersOfOneKeyLeaveOneWholeEntry() throws Exception {
        ReuseStore store = ReuseStore.open(dir);
        String key = ReuseStore.key("artist", "same picture");
        byte[] data = new byte[256 * 1024];
        java.util.Arrays.fill(data, (byte) 7);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 16; i++) fs.add(pool.submit(() -> store.put("artist", key, data)));
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.get("artist", key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(data));
        try (Stream<Path> files = Files.walk(store.dir())) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
    }

    @Test
    void refusesKeysThatAreNotHashesAndAFileAsTheFolder() throws Exception {
        ReuseStore store = ReuseStore.open(dir);
        assertThatThrownBy(() -> store.get("artist", "../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("../x", ReuseStore.key("a"), new byte[1])).isInstanceOf(IllegalArgumentException.class);
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> ReuseStore.open(file)).isInstanceOf(AtelierException.class)
                .hasMessage("--reuse-dir " + file + " is a file; give a folder (it is created if missing)");
    }
}
