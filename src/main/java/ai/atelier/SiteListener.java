package ai.atelier;

import ai.atelier.workflow.RunListener;

/**
 * Hears a run of many sites ({@link Atelier#generateAll}): each site's steps as they happen, and
 * each site's result as it finishes (in finishing order, not job order). A batch writes its results
 * file from {@link #siteFinished}, a comparison draws its progress from both. Called from the
 * runner's threads, several sites at once: implementations must be thread-safe and quick.
 */
public interface SiteListener {
    SiteListener NONE = new SiteListener() {};

    /** The listener for the steps of {@code job} (the same one for every job is fine); none by default. */
    default RunListener steps(SiteJob job) {
        return RunListener.NONE;
    }

    /** {@code job} has finished as {@code result} (done, failed or gate-failed; a crash is a failed result). */
    default void siteFinished(SiteJob job, SiteResult result) {}
}
