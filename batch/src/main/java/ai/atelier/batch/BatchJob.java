package ai.atelier.batch;

import java.io.Serializable;

/**
 * One site to make, as Spark ships it to an executor: the visitor's id and canonical JSON, its key,
 * the folder name under {@code OUT/sites/} (the visitor's id made safe, then the first 12 hex digits
 * of the key) and its place in the input.
 */
record BatchJob(int index, String place, String id, String key, String profileJson, String folder) implements Serializable {
    static String folderName(String id, String key) {
        String who = id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (who.length() > 40) who = who.substring(0, 40);
        if (who.isEmpty()) who = "visitor";
        return who + "-" + key.substring(0, 12);
    }
}
