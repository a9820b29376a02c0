package ai.atelier;

import ai.atelier.site.Profile;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * One site to make, as plain data: the visitor, the workflow (a bundled name or a workflow YAML
 * file), where the folder goes and whether an earlier run in it is continued, and the site's id.
 * It holds no loaded object (company, retriever, engines): those belong to the {@link Atelier}
 * that runs it, so a job can be written to a queue, shipped to a batch executor (it is
 * {@link Serializable} and reads back from its JSON) and run there by an Atelier built the same way.
 *
 * @param profile  the visitor (untrusted data; read it with {@link ai.atelier.site.ProfileReader})
 * @param workflow a bundled workflow name ({@code personas}, {@code single-llm}, …) or a YAML file path
 * @param options  the folder and resume choice; {@link Options#DEFAULT} when null
 * @param siteId   the id report.json and run.json carry (and the folder name by default); null makes
 *                 a readable unique one from the visitor, the workflow and the time
 */
public record SiteJob(Profile profile, String workflow, Options options, String siteId) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SiteJob {
        if (profile == null) throw new AtelierException("a site job needs a visitor profile (name and industry at least)", "profile", null);
        workflow = workflow == null || workflow.isBlank() ? "personas" : workflow.strip();
        options = options == null ? Options.DEFAULT : options;
        if (siteId != null && !siteId.matches("[a-z0-9][a-z0-9-]{0,199}")) {
            throw new AtelierException("site id \"" + (siteId.length() > 60 ? siteId.substring(0, 60) + "…" : siteId)
                    + "\" may hold only lower-case letters, digits and hyphens (at most 200); make one with Slug.of", "siteId", null);
        }
    }

    /** The visitor through {@code workflow}, in a new folder under the Atelier's sites folder, with a generated id. */
    public static SiteJob of(Profile profile, String workflow) {
        return new SiteJob(profile, workflow, Options.DEFAULT, null);
    }

    /** The same job in {@code dir}. */
    public SiteJob in(Path dir) {
        return new SiteJob(profile, workflow, new Options(dir.toString(), options.resume()), siteId);
    }

    /** The same job with this site id. */
    public SiteJob withId(String id) {
        return new SiteJob(profile, workflow, options, id);
    }

    /** The same job, continuing an earlier run it finds in its folder (finished steps are kept) instead of refusing it. */
    public SiteJob resuming() {
        return new SiteJob(profile, workflow, new Options(options.siteDir(), true), siteId);
    }

    /**
     * Where and how a job runs.
     *
     * @param siteDir the site folder (a path, kept as text so the job stays serializable); null puts it
     *                at {@code <sites folder>/<site id>}
     * @param resume  when the folder holds an earlier run (its run.json), continue it: the steps it
     *                finished are kept, the rest run. Without it such a folder is refused, so nothing
     *                made before is overwritten.
     */
    public record Options(String siteDir, boolean resume) implements Serializable {
        private static final long serialVersionUID = 1L;
        public static final Options DEFAULT = new Options(null, false);

        /** A new site in {@code dir}. */
        public static Options in(Path dir) {
            return new Options(dir.toString(), false);
        }
    }
}
