package ai.atelier.site.builtin;

import ai.atelier.site.Artist;
import ai.atelier.site.Engines;
import ai.atelier.site.FrontEndDeveloper;
import ai.atelier.site.Personalizer;
import ai.atelier.site.SiteGenerator;

/** Every role on the built-in offline engine: the default when no configuration binds a model. */
public final class BuiltinEngines implements Engines {
    public static final String MODEL = Engines.BUILTIN;
    private final Personalizer personalizer = new BuiltinPersonalizer();
    private final Artist artist = new SvgArtist();
    private final FrontEndDeveloper developer = new BuiltinFrontEndDeveloper();
    private final SiteGenerator generator = new BuiltinSiteGenerator();

    @Override
    public Personalizer personalizer(String role) {
        return personalizer;
    }

    @Override
    public Artist artist(String role) {
        return artist;
    }

    @Override
    public FrontEndDeveloper developer(String role) {
        return developer;
    }

    @Override
    public SiteGenerator siteGenerator(String role) {
        return generator;
    }
}
