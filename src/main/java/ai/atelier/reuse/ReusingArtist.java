package ai.atelier.reuse;

import ai.atelier.knowledge.Company;
import ai.atelier.site.Artist;
import ai.atelier.site.Image;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.VisualElement;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * An artist that draws each picture once per (visual element's description, kind and alt label,
 * brand palette, model binding, company version) and takes it from the {@link ReuseStore} for
 * every later visitor whose page plan asks for the same picture. The element's id only names the
 * file, so it is not in the key. A hit makes no model call and costs nothing.
 */
final class ReusingArtist implements Artist {
    static final String STEP = "artist";
    private final Artist inner;
    private final ReuseStore store;
    private final String binding;

    ReusingArtist(Artist inner, ReuseStore store, String binding) {
        this.inner = inner;
        this.store = store;
        this.binding = binding;
    }

    @Override
    public String fileExtension() {
        return inner.fileExtension();
    }

    static String key(VisualElement e, Company company, String binding, String extension) {
        var b = company.info().brand();
        return ReuseStore.key(STEP, CompanyVersion.atelier(), CompanyVersion.of(company), binding, extension,
                e.kind() == null ? null : e.kind().name(), e.label(), e.description(),
                b.primary(), b.accent(), b.background(), b.text());
    }

    @Override
    public Image draw(VisualElement e, Company company, PersonaContext ctx) {
        String key = key(e, company, binding, fileExtension());
        Optional<byte[]> hit = store.get(STEP, key);
        if (hit.isPresent()) {
            Image cached = decode(e, hit.get());
            if (cached != null) return cached;
            store.unusable(STEP);
        }
        Image drawn = inner.draw(e, company, ctx);
        store.put(STEP, key, encode(drawn));
        return drawn;
    }

    /** An entry: the media type, a newline, the picture's bytes. */
    private static byte[] encode(Image img) {
        byte[] type = img.mediaType().getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(type, type.length + 1 + img.data().length);
        out[type.length] = '\n';
        System.arraycopy(img.data(), 0, out, type.length + 1, img.data().length);
        return out;
    }

    private Image decode(VisualElement e, byte[] entry) {
        int nl = -1;
        for (int i = 0; i < Math.min(entry.length, 100); i++) {
            if (entry[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 1) return null;
        String type = new String(entry, 0, nl, StandardCharsets.UTF_8);
        if (!type.matches("image/[a-z0-9.+-]+")) return null;
        byte[] data = Arrays.copyOfRange(entry, nl + 1, entry.length);
        return new Image(e.id(), "assets/" + e.id() + "." + fileExtension(), type, data, e.label());
    }
}
