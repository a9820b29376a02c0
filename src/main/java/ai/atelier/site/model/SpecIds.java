package ai.atelier.site.model;

import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.WebsiteSpec.Item;
import ai.atelier.site.WebsiteSpec.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Settles the identifiers in a model's spec, the one thing a JSON schema cannot make unique. Ids
 * are Atelier's plumbing (anchors and file names), not copy, so code settles them instead of
 * sending the model back: a section or picture id used a second time gets a number ({@code story-2}),
 * and an icon reference that names no picture of the spec is dropped (the card shows no icon). Every
 * text the model wrote is kept as written.
 */
final class SpecIds {
    private SpecIds() {}

    static WebsiteSpec settle(WebsiteSpec s) {
        Set<String> visualIds = new HashSet<>();
        List<VisualElement> visuals = new ArrayList<>();
        for (VisualElement v : s.visualElements()) {
            if (v == null) continue;
            String id = unique(v.id(), visualIds);
            visuals.add(id.equals(v.id()) ? v : new VisualElement(id, v.label(), v.description(), v.kind()));
        }
        Set<String> sectionIds = new HashSet<>();
        List<Section> sections = new ArrayList<>();
        for (Section sec : s.sections()) {
            if (sec == null) continue;
            List<Item> items = new ArrayList<>();
            for (Item it : sec.items()) {
                if (it == null) continue;
                String visual = it.visual() != null && visualIds.contains(it.visual()) ? it.visual() : null;
                items.add(visual == null && it.visual() != null ? new Item(it.title(), it.text(), null, it.ref(), it.points()) : it);
            }
            sections.add(new Section(unique(sec.id(), sectionIds), sec.kind(), sec.heading(), sec.body(), items, sec.sources()));
        }
        return new WebsiteSpec(s.title(), s.headline(), s.intro(), sections, s.callToAction(), s.disclaimer(), visuals);
    }

    private static String unique(String id, Set<String> taken) {
        if (id == null) return null;
        String out = id;
        for (int n = 2; taken.contains(out); n++) out = id + "-" + n;
        taken.add(out);
        return out;
    }
}
