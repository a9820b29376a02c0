package ai.atelier.batch;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.util.AccumulatorV2;

/**
 * How each finished task's result rows reach the driver while the batch runs (for the console
 * progress, the budget, and results.jsonl written as sites finish, so a killed batch keeps them).
 * Spark hands a task's accumulator update to the driver's listeners with the task-end event; this
 * one is a pipe, not a total: the driver's copy keeps nothing (merge drops), so it costs no memory
 * however many sites run, and the rows themselves still come back with the job's result.
 */
final class RowPipe extends AccumulatorV2<String, List<String>> {
    static final String NAME = "atelier.batch.rows";
    private final ArrayList<String> rows = new ArrayList<>();

    @Override
    public boolean isZero() {
        return rows.isEmpty();
    }

    @Override
    public AccumulatorV2<String, List<String>> copy() {
        RowPipe p = new RowPipe();
        p.rows.addAll(rows);
        return p;
    }

    @Override
    public void reset() {
        rows.clear();
    }

    @Override
    public void add(String row) {
        rows.add(row);
    }

    @Override
    public void merge(AccumulatorV2<String, List<String>> other) {
        // the driver keeps nothing: the listener has seen the rows in the task-end event
    }

    @Override
    public List<String> value() {
        return List.copyOf(rows);
    }
}
