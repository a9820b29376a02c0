package ai.atelier.model.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binding's native library is loaded without the binding's "Extracted 'libjllama.so' to …"
 * line on standard output (it would land in the user's terminal). Each case loads the library in
 * a fresh JVM, since a JVM loads it once: once the way Atelier does, once the binding's own way
 * (the control, which does print the line, so this test can tell the two apart).
 */
class LlamaNativeTest {
    /** Run in the child JVM: prepare as Atelier does (or not), then load the library as the binding does on first use. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("atelier")) LlamaNative.prepare();
        var init = Class.forName("de.kherud.llama.LlamaLoader").getDeclaredMethod("initialize");
        init.setAccessible(true);
        init.invoke(null);
        System.out.println("loaded");
    }

    private static String run(String mode, Path scratch) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the control unpacks into a folder of its own, never into the shared temp folder other JVMs load from
        String tmp = mode.equals("binding") ? "-D" + LlamaNative.TMPDIR_PROPERTY + "=" + scratch : "-Dunused=1";
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), tmp,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", LlamaNativeTest.class.getName(), mode))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("child JVM output: %s", out).isZero();
        return out;
    }

    @Test
    void theLibraryLoadsWithoutPrintingToStandardOutput(@TempDir Path scratch) throws Exception {
        String atelier = run("atelier", scratch);
        assertThat(atelier).contains("loaded").doesNotContain("Extracted");
        String binding = run("binding", scratch);
        assertThat(binding).as("the control: the binding left alone prints its line").contains("loaded").contains("Extracted");
    }
}
