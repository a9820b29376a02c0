package ai.atelier.model.provider;

import java.util.function.Supplier;

/**
 * Builds a provider client on its first call, not at startup: a missing key is reported when a
 * role bound to that model actually runs, and unused models cost nothing to configure.
 */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) value = factory.get();
                v = value;
            }
        }
        return v;
    }
}
