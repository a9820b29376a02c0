package ai.atelier.model.provider;

import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;
import java.util.function.Function;

/**
 * Where secrets come from: environment variables only (and, for Bedrock, the AWS default credential
 * chain). The config names the variable; the value is read when a call is made, handed to the
 * provider, and never logged or reported. Tests pass a map instead of the process environment.
 */
public final class Credentials {
    private final Function<String, String> env;

    public Credentials(Function<String, String> env) {
        this.env = env;
    }

    public static Credentials fromEnvironment() {
        return new Credentials(System::getenv);
    }

    /** The model's API key, or null when it names no variable (local servers need none). */
    public String apiKey(ModelSpec spec) {
        if (spec.apiKeyEnv() == null) return null;
        String v = env.apply(spec.apiKeyEnv());
        if (v == null || v.isBlank()) {
            throw new ModelException(ModelException.Kind.CONFIG, "model " + spec.name() + " needs an API key: set the environment variable "
                    + spec.apiKeyEnv() + " (export " + spec.apiKeyEnv() + "=…) and run again");
        }
        return v.strip();
    }

    /** "set", "not set" or "not needed", for display; never the value. */
    public String status(ModelSpec spec) {
        if (spec.apiKeyEnv() == null) return "no key needed";
        String v = env.apply(spec.apiKeyEnv());
        return v == null || v.isBlank() ? "MISSING: set " + spec.apiKeyEnv() : spec.apiKeyEnv() + " is set";
    }

    public String env(String name) {
        return env.apply(name);
    }
}
