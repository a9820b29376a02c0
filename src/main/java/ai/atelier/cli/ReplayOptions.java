package ai.atelier.cli;

import ai.atelier.economics.ReplayEngines;
import ai.atelier.economics.ReplayProfile;
import picocli.CommandLine.Option;

/** The latency-replay options that {@code generate} and {@code compare} share (a picocli mixin). */
final class ReplayOptions {
    @Option(names = "--replay", paramLabel = "FILE|NAME",
            description = "SIMULATION: answer with the built-in engine but at the latencies (and token counts) of a replay profile, "
                    + "e.g. " + ReplayProfile.BUNDLED + " (bundled) or a YAML file.")
    String replay;

    @Option(names = "--replay-scale", paramLabel = "X", defaultValue = "1.0",
            description = "Multiply replayed latencies by X, e.g. 0.01 to replay a 20 s call in 0.2 s (default: ${DEFAULT-VALUE}).")
    double replayScale;

    boolean requested() {
        return replay != null;
    }

    ReplayEngines engines() {
        return ReplayEngines.of(replay, replayScale);
    }
}
