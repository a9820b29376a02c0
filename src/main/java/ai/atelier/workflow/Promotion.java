package ai.atelier.workflow;

import ai.atelier.site.Engines;
import java.util.Optional;

/**
 * Where the revise loop turns when a role's revisions are spent and the page still fails: the
 * engines with that role promoted to the next larger model of its escalation ladder, for one more
 * round, or empty when none is configured. (Escalation is one call moving up the ladder, inside
 * the model room; promotion rebinds the role for a whole revision round.) The model configuration
 * provides the real one; {@link #NONE} never promotes.
 */
@FunctionalInterface
public interface Promotion {
    Promotion NONE = (role, current) -> Optional.empty();

    Optional<Engines> promote(String role, Engines current);
}
