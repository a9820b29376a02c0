package ai.atelier.batch;

/**
 * One visitor as read from the input, before it is validated: where it came from (file and line, or
 * row for Parquet) and its JSON text, or the one-line reason it could not be read. A row with a
 * problem is reported with its place and the others run.
 */
record ProfileRow(String place, String json, String problem) {
    static ProfileRow ok(String place, String json) {
        return new ProfileRow(place, json, null);
    }

    static ProfileRow bad(String place, String problem) {
        return new ProfileRow(place, null, problem);
    }
}
