package ai.atelier.site;

import ai.atelier.knowledge.Company;

/** Turns one visual element into one image file, in the company's palette. */
public interface Artist {
    /** The extension of the files this artist makes ("svg", "png"), so slots can be planned early. */
    String fileExtension();

    Image draw(VisualElement element, Company company, PersonaContext ctx);
}
