package ai.atelier.workflow;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.quality.QualityReport;
import ai.atelier.site.Image;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.Profile;
import ai.atelier.site.SiteFile;
import ai.atelier.site.WebsiteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The blackboard of one generation: its inputs, and each step's output as it lands. Every output
 * is also written to the site folder at once, so a failed run keeps what was finished.
 */
public final class SiteState {
    /** What a {@link Step} reads and writes, by name: the spec (spec.json), the images, the page files, QA's report. */
    public static final String SPEC = "spec";
    public static final String IMAGES = "images";
    public static final String PAGE = "page";
    public static final String QUALITY = "quality";

    /** The name of a draft (see {@link #draft(String, Object)}) among what steps read and write. */
    public static String draftName(String key) {
        return "draft " + key;
    }

    private final Profile profile;
    private final Company company;
    private final Retriever retriever;
    private final SiteFolder folder;
    private final List<Image> images = new CopyOnWriteArrayList<>();
    private volatile WebsiteSpec spec;
    private volatile List<SiteFile> page;
    private volatile QualityReport quality;
    private volatile String imageExtension = "svg";
    /** The whole generation's spend, revision rounds included, so the per-site budget holds across them. */
    private final ai.atelier.model.CostLedger ledger = new ai.atelier.model.CostLedger();
    private final Map<String, Object> drafts = new ConcurrentHashMap<>();
    private volatile StepJournal journal;

    public SiteState(Profile profile, Company company, Retriever retriever, SiteFolder folder) {
        this.profile = profile;
        this.company = company;
        this.retriever = retriever;
        this.folder = folder;
    }

    public Profile profile() { return profile; }
    public ai.atelier.model.CostLedger ledger() { return ledger; }
    public Company company() { return company; }
    public Retriever retriever() { return retriever; }
    public SiteFolder folder() { return folder; }

    public WebsiteSpec spec() {
        if (spec == null) throw new IllegalStateException("no website spec yet: a personalizer step must run first");
        return spec;
    }

    public boolean hasSpec() { return spec != null; }

    public void spec(WebsiteSpec s) {
        refuseIfCancelled();
        this.spec = s;
        folder.writeJson("spec.json", s);
    }

    public List<Image> images() { return List.copyOf(images); }

    public void addImage(Image image) {
        refuseIfCancelled();
        folder.write(image.path(), image.data());
        images.add(image);
    }

    public List<SiteFile> page() { return page; }

    public void page(List<SiteFile> files) {
        refuseIfCancelled();
        files.forEach(f -> folder.write(f.path(), f.data()));
        this.page = List.copyOf(files);
    }

    public QualityReport quality() { return quality; }

    public void quality(QualityReport q) { this.quality = q; }

    /**
     * Hands one step's intermediate output to the steps after it (the fine-grained workflow's
     * research, offering match, section copy, review), also kept as {@code drafts/<key>.json}.
     */
    public void draft(String key, Object value) {
        folder.writeJson("drafts/" + key + ".json", value);
        drafts.put(key, value);
    }

    public <T> T draft(String key, Class<T> type) {
        Object v = drafts.get(key);
        if (v == null) throw new IllegalStateException("no \"" + key + "\" draft yet: the step that writes it must run first");
        return type.cast(v);
    }

    public boolean hasDraft(String key) {
        return drafts.containsKey(key);
    }

    /** Where each step attempt is recorded as it ends (none for a state used outside a generation). */
    StepJournal journal() { return journal; }

    void journal(StepJournal j) { this.journal = j; }

    /** A finished step's draft read back from the folder on resume; false when it is not there. */
    public boolean restoreDraft(String key, Class<?> type) {
        Object v = folder.readJson("drafts/" + key + ".json", type);
        if (v == null) return false;
        drafts.put(key, v);
        return true;
    }

    /** The spec read back on resume without writing it again; false when it is not there. */
    public boolean restoreSpec() {
        WebsiteSpec s = folder.readJson("spec.json", WebsiteSpec.class);
        if (s != null) this.spec = s;
        return s != null;
    }

    /** Every image the spec's visual elements need, read back on resume; false (and none kept) when any is missing. */
    public boolean restoreImages() {
        List<Image> found = new ArrayList<>();
        for (ImageSlot slot : ImageSlot.plan(spec(), imageExtension)) {
            byte[] data = folder.read(slot.path());
            if (data == null) return false;
            found.add(new Image(slot.elementId(), slot.path(), mediaType(slot.path()), data, slot.alt()));
        }
        images.addAll(found);
        return true;
    }

    /** The page (index.html, styles.css and script.js when there is one) read back on resume; false when the html or css is missing. */
    public boolean restorePage() {
        byte[] html = folder.read("index.html");
        byte[] css = folder.read("styles.css");
        if (html == null || css == null) return false;
        List<SiteFile> files = new ArrayList<>(List.of(new SiteFile("index.html", html), new SiteFile("styles.css", css)));
        byte[] js = folder.read("script.js");
        if (js != null) files.add(new SiteFile("script.js", js));
        this.page = List.copyOf(files);
        return true;
    }

    private static String mediaType(String path) {
        return path.endsWith(".svg") ? "image/svg+xml" : path.endsWith(".png") ? "image/png" : "application/octet-stream";
    }

    /** The extension the bound artist produces, so image slots are known before it finishes. */
    public String imageExtension() { return imageExtension; }

    public void imageExtension(String ext) { this.imageExtension = ext; }

    /** A step cancelled for overrunning its time limit must not write its late output into the site. */
    private static void refuseIfCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("the step was cancelled; its output is discarded");
        }
    }
}
