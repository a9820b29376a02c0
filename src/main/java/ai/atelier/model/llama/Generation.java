package ai.atelier.model.llama;

/**
 * What one run of the engine produced: the text, the token counts from the model's own tokenizer
 * (prompt: the formatted prompt as llama.cpp evaluates it, BOS included; completion: tokens the
 * engine generated), why it stopped ("stop" or "length"), and how long each phase took.
 */
record Generation(String text, int promptTokens, int completionTokens, String finishReason, long promptNanos, long generationNanos) {}
