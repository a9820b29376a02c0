package ai.atelier.workflow;

import ai.atelier.site.Engines;
import java.util.Optional;

/**
 * Where the revise loop turns when a role's revisions are spent and the page still fails: the
 * engines with that role bound to the next larger model tier, or empty when none is configured.
 * The model configuration provides the real one; {@link #NONE} never escalates.
 */
@FunctionalInterface
public interface Escalation {
    Escalation NONE = (role, current) -> Optional.empty();

    Optional<Engines> escalate(String role, Engines current);
}
