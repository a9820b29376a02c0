package ai.atelier.runs;

import java.nio.file.Path;

/**
 * Where runs are kept: a JDBC URL plus credentials. The default is an H2 file inside the data
 * directory, so {@code atelier serve} needs no database server; a {@code jdbc:postgresql:} URL
 * puts the same schema in PostgreSQL. The password comes from the environment, never a file.
 */
public record RunDatabase(String url, String user, String password) {

    /** The default: an embedded H2 database file under {@code dataDir}. */
    public static RunDatabase h2In(Path dataDir) {
        String file = dataDir.toAbsolutePath().normalize().resolve("atelier-runs").toString().replace('\\', '/');
        return new RunDatabase("jdbc:h2:file:" + file, "sa", "");
    }

    /** "h2" or "postgresql" (or the JDBC sub-protocol of whatever else was given). */
    public String kind() {
        String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /** The URL without credentials or parameters, safe to show in logs and /api/health. */
    public String describe() {
        String u = url;
        int q = u.indexOf('?');
        if (q >= 0) u = u.substring(0, q);
        int semi = u.indexOf(';');
        if (semi >= 0) u = u.substring(0, semi);
        return u.replaceAll("//[^/@]*@", "//");
    }

    @Override
    public String toString() {
        return "RunDatabase[" + describe() + ", user=" + user + "]";
    }
}
