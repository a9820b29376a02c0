package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What reaches the user's terminal from logging: Atelier's own lines, never a library's warnings or banners. */
class LibraryLogsTest {

    @Test
    void libraryWarningsAndBannersStayOutOfTheTerminalWhileAtelierLinesShow() {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            // the real call behind "WARN ai.djl.util.cuda.CudaUtils - Failed to detect GPU count" on machines without CUDA
            ai.djl.util.cuda.CudaUtils.getGpuCount();
            LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils").warn("probe: djl warning");
            LoggerFactory.getLogger("io.javalin.Javalin").info("probe: Listening on http://127.0.0.1:1/");
            LoggerFactory.getLogger("org.eclipse.jetty.server.Server").warn("probe: jetty warning");
            LoggerFactory.getLogger("com.microsoft.playwright").warn("probe: playwright warning");
            LoggerFactory.getLogger("ai.atelier.server.AtelierServer").warn("probe: atelier's own warning");
        } finally {
            System.setErr(old);
        }
        String err = buf.toString(StandardCharsets.UTF_8);
        assertThat(err).doesNotContain("Failed to detect GPU count").doesNotContain("djl warning").doesNotContain("Listening on")
                .doesNotContain("jetty warning").doesNotContain("playwright warning");
        assertThat(err).contains("probe: atelier's own warning");
    }

    @Test
    void atelierLogAsksForMoreOrRefusesAWrongLevel() {
        assertThat(AtelierCommand.libraryLogLevel(Map.of())).isEqualTo("error");
        assertThat(AtelierCommand.libraryLogLevel(Map.of("ATELIER_LOG", "Debug"))).isEqualTo("debug");
        assertThat(AtelierCommand.libraryLogLevel(Map.of("ATELIER_LOG", "loud"))).isNull();
    }
}
