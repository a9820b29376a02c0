package ai.atelier.runs;

/**
 * Refusal of a new run because every generation slot and every queue place is taken. Not the
 * client's fault and not permanent: the server answers 503 and the client may retry later.
 */
public final class QueueFullException extends RuntimeException {
    private final int capacity;

    public QueueFullException(int capacity) {
        super("all " + capacity + " generation slots and queue places are taken; retry in a little while");
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }
}
