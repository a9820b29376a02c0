package ai.atelier.server;

/**
 * The Content-Security-Policies the server sends. Generated sites come from models and visitor
 * data, so their policy lets a page load only its own files from this server, talk to no one
 * (no fetch, no forms, no base rewrite), and be framed only by Atelier's own UI.
 */
final class SecurityHeaders {
    /**
     * For /sites/{id}/…: nothing from outside the site's origin, no connections, no forms, and a
     * sandbox without allow-same-origin: the page runs in an opaque origin, so a model-written
     * script cannot reach the API, the UI's window or its cookies even though it is served from
     * the API's host and port (no popups, no top navigation, no forms either).
     */
    static final String SITE_CSP = "sandbox allow-scripts; default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self';"
            + " connect-src 'none'; form-action 'none'; base-uri 'none'; object-src 'none'; frame-ancestors 'self'";
    /** For the web UI and the API: own files only; may frame the sites it shows. */
    static final String UI_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self';"
            + " frame-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}
}
