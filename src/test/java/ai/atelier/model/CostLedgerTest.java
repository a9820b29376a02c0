package ai.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostLedgerTest {
    private final CatalogEntry gpt4oMini = ModelCatalog.bundled().find("gpt-4o-mini").orElseThrow();
    private final CatalogEntry haiku = ModelCatalog.bundled().find("claude-haiku-3-5").orElseThrow();

    @Test
    void tokenCostToTheMicroDollar() {
        // 1,234 input (1,024 of them cached), 567 output on gpt-4o-mini: $0.15 / $0.075 cached / $0.60 per 1M.
        Double usd = CostCalculator.tokens(gpt4oMini, new TokenUsage(1234, 567, 1024, false));
        // 210 * 0.15e-6 + 1024 * 0.075e-6 + 567 * 0.60e-6 = 0.0000315 + 0.0000768 + 0.0003402
        assertThat(usd).isEqualTo(0.0004485);
    }

    @Test
    void unknownPriceIsNullNeverZero() {
        CatalogEntry noPrice = new CatalogEntry("mystery", "openai", "mystery", Tier.SMALL, "chat", null, null, null, null, Map.of(), false, null, null);
        assertThat(CostCalculator.tokens(noPrice, new TokenUsage(10, 10, 0, false))).isNull();
        assertThat(CostCalculator.tokens(null, new TokenUsage(10, 10, 0, false))).isNull();
    }

    @Test
    void imagePricesBySizeAndQuality() {
        CatalogEntry canvas = ModelCatalog.bundled().find("nova-canvas").orElseThrow();
        assertThat(CostCalculator.images(canvas, "1024x1024", "premium", 3)).isEqualTo(0.18);
        assertThat(CostCalculator.images(canvas, "640x640", "standard", 1)).isNull();
    }

    @Test
    void ledgerSumsExactlyAcrossStepsAndRolesAndCountsUnknowns() {
        CostLedger ledger = new CostLedger();
        CallMeter a = new CallMeter(System.nanoTime(), ledger);
        CallMeter b = new CallMeter(System.nanoTime(), ledger);
        for (int i = 0; i < 1000; i++) {
            a.record(ModelCall.builder("personalizer", "m", "openai").purpose("p").timed(0, 1).costUsd(CostCalculator.tokens(gpt4oMini, new TokenUsage(2, 1, 0, false))).build());
        }
        b.record(ModelCall.builder("frontend-developer", "h", "anthropic").purpose("p").timed(0, 1).costUsd(CostCalculator.tokens(haiku, new TokenUsage(1000, 100, 0, false))).build());
        b.record(ModelCall.builder("frontend-developer", "x", "openai").purpose("p").timed(0, 1).costUsd(null).build());
        // 1000 * (2*0.15 + 0.60) / 1e6 = 0.0009; haiku 1000*0.8/1e6 + 100*4/1e6 = 0.0012
        assertThat(ledger.spentUsd()).isEqualTo(0.0021);
        assertThat(ledger.byRole()).containsEntry("personalizer", 0.0009).containsEntry("frontend-developer", 0.0012);
        assertThat(ledger.unknownPricedCalls()).isEqualTo(1);
        assertThat(a.costUsd()).isCloseTo(0.0009, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(b.costUsd()).isNull();
        assertThat(List.of(a.calls().size(), b.calls().size())).containsExactly(1000, 2);
    }
}
