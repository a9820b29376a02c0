package ai.atelier.site;

/** A rendered prompt: the system part and the user part, as a model would receive them. */
public record Prompt(String system, String user) {
    /** Both parts, as counted for token estimates. */
    public String text() {
        return system + "\n\n" + user;
    }
}
