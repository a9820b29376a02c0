package ai.atelier.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one live run, in order, with their listeners. Appending stores the event and
 * hands it to every listener; subscribing replays what happened so far and registers for the rest
 * under the same lock, so a late client sees every event exactly once. Listeners must not block
 * (the server's SSE handler puts events on its own queue).
 */
final class EventStream {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private final String runId;
    private final RunStore store;
    private final List<RunEvent> events = new ArrayList<>();
    private final List<Consumer<RunEvent>> listeners = new CopyOnWriteArrayList<>();

    EventStream(String runId, RunStore store) {
        this(runId, store, List.of());
    }

    /** A stream that continues {@code earlier} (a resumed run keeps its history and numbering). */
    EventStream(String runId, RunStore store, List<RunEvent> earlier) {
        this.runId = runId;
        this.store = store;
        this.events.addAll(earlier);
    }

    synchronized RunEvent append(String type, Map<String, Object> data) {
        RunEvent e = new RunEvent(events.size() + 1, type, data);
        events.add(e);
        try {
            store.appendEvent(runId, e);
        } catch (RuntimeException dbDown) {
            // live clients still get the event; only a replay after a restart will miss it
            LOG.warn("run {}: event {} not stored: {}", runId, e.seq(), dbDown.getMessage());
        }
        for (Consumer<RunEvent> l : listeners) l.accept(e);
        if (e.terminal()) listeners.clear();
        return e;
    }

    /** Replays events after {@code afterSeq}, then (unless the run has ended) keeps the listener for new ones. */
    synchronized Subscription subscribe(int afterSeq, Consumer<RunEvent> listener) {
        boolean ended = false;
        for (RunEvent e : events) {
            if (e.seq() > afterSeq) listener.accept(e);
            ended = e.terminal(); // a resumed run has an earlier terminal event; only the last one ends the stream
        }
        if (ended) return () -> {};
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
