package ai.atelier.knowledge;

/** A chunk number with the score that ranked it, as the lexical and vector halves hand them to fusion. */
public record Ranked(int index, double score) {}
