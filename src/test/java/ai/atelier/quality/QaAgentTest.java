package ai.atelier.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heavy checks run beside the light ones; the report keeps the checks' order, and a crash is a failure wherever it ran. */
class QaAgentTest {
    private final Map<String, String> threads = new ConcurrentHashMap<>();

    private QualityCheck check(String name, boolean heavy, Runnable body) {
        return new QualityCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean heavy() {
                return heavy;
            }

            @Override
            public CheckResult check(SiteUnderTest site) {
                threads.put(name, Thread.currentThread().getName());
                body.run();
                return CheckResult.pass(this, name + " ok");
            }
        };
    }

    @Test
    void heavyChecksRunBesideTheLightOnesAndResultsKeepTheirOrder(@TempDir Path dir) {
        CountDownLatch heavyStarted = new CountDownLatch(1);
        QaAgent qa = new QaAgent(List.of(
                check("light-1", false, () -> {}),
                check("heavy", true, heavyStarted::countDown),
                // the light check waits until the heavy one has started: it can only pass if they run at the same time
                check("light-2", false, () -> {
                    try {
                        if (!heavyStarted.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("heavy check never started");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                check("heavy-crash", true, () -> {
                    throw new IllegalStateException("boom");
                })), Map.of());
        QualityReport report = qa.review(SiteUnderTest.of(dir, null, null, null));
        assertEquals(List.of("light-1", "heavy", "light-2", "heavy-crash"), report.checks().stream().map(CheckResult::name).toList());
        assertTrue(report.checks().get(2).passed(), "the light check saw the heavy one running: " + report.checks().get(2).details());
        assertNotEquals(threads.get("light-1"), threads.get("heavy"), "the heavy check ran on another thread");
        assertEquals(threads.get("light-1"), threads.get("light-2"));
        assertFalse(report.checks().get(3).passed());
        assertTrue(report.checks().get(3).details().contains("check crashed"), report.checks().get(3).details());
        assertFalse(report.passed());
    }
}
