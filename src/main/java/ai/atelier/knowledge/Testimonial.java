package ai.atelier.knowledge;

/** A customer's words, with who said them and their industry (lower-case). */
public record Testimonial(String quote, String author, String role, String company, String industry) {}
