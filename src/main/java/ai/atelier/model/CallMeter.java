package ai.atelier.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the model calls of one step, thread-safely (the artist fans out). Steps sum it into
 * their span; nothing about a call is reported that was not recorded here.
 */
public final class CallMeter {
    private final long originNanos;
    private final List<ModelCall> calls = new ArrayList<>();
    private long carriedTokens;
    private final CostLedger ledger;

    public CallMeter(long originNanos) {
        this(originNanos, new CostLedger());
    }

    /** A meter whose calls also add to {@code ledger}, the run's shared cost (for the per-site budget). */
    public CallMeter(long originNanos, CostLedger ledger) {
        this.originNanos = originNanos;
        this.ledger = ledger;
    }

    /** The cost ledger of the whole run this step belongs to. */
    public CostLedger ledger() {
        return ledger;
    }

    /** Milliseconds since the run started: the time base of every span and call. */
    public long nowMs() {
        return (System.nanoTime() - originNanos) / 1_000_000;
    }

    public void record(ModelCall call) {
        synchronized (this) {
            calls.add(call);
        }
        ledger.add(call);
    }

    public synchronized List<ModelCall> calls() {
        return List.copyOf(calls);
    }

    public synchronized TokenUsage usage() {
        return calls.stream().map(ModelCall::usage).reduce(TokenUsage.NONE, TokenUsage::plus);
    }

    /** Sum of known costs; null if any call's price was unknown. */
    public synchronized Double costUsd() {
        double sum = 0;
        for (ModelCall c : calls) {
            if (c.costUsd() == null) return null;
            sum += c.costUsd();
        }
        return sum;
    }

    /**
     * Counts tokens of other steps' output that this step's prompts carry: the hand-off part of
     * coordination overhead. Callers count what they put into a prompt, once per call that sends it.
     */
    public synchronized void carried(long tokens) {
        carriedTokens += tokens;
    }

    public synchronized long carriedTokens() {
        return carriedTokens;
    }

    public synchronized int attempts() {
        return calls.stream().mapToInt(ModelCall::attempt).max().orElse(calls.isEmpty() ? 0 : 1);
    }
}
