package ai.atelier.site.model;

import java.util.List;

/** What a developer in code mode returns: the page's files, by site-relative path. */
public record CodeFiles(List<File> files) {
    public CodeFiles {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One file the model wrote. */
    public record File(String path, String content) {}
}
