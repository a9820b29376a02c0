package ai.atelier.runs;

/** A registration for a run's events; cancelling it stops delivery (a client went away). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    void cancel();

    @Override
    default void close() {
        cancel();
    }
}
