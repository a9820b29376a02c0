package ai.atelier.model;

import java.util.Locale;

/** Model size classes, cheapest first; escalation moves a role one tier up. */
public enum Tier {
    SMALL, MEDIUM, LARGE, FRONTIER;

    public static Tier parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
