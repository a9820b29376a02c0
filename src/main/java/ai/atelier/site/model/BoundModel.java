package ai.atelier.site.model;

import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import ai.atelier.model.wiring.ConfiguredModels;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.RoleModel;
import java.util.List;
import java.util.OptionalInt;

/**
 * One role's model as a persona sees it: the configuration's models asked on behalf of that role,
 * metered into the asking step's meter and traced with its telemetry.
 */
record BoundModel(ConfiguredModels models, String role, String name) implements RoleModel {
    @Override
    public ModelClient chat(PersonaContext ctx) {
        return models.chat(role, ctx.meter(), ctx.telemetry());
    }

    @Override
    public List<ModelClient> ladder(PersonaContext ctx) {
        return models.ladder(role, ctx.meter(), ctx.telemetry());
    }

    @Override
    public ImageClient images(PersonaContext ctx) {
        return models.images(role, ctx.meter(), ctx.telemetry());
    }

    @Override
    public int maxOutputTokens() {
        return models.maxOutputTokens(role);
    }

    @Override
    public OptionalInt contextWindow() {
        return models.contextWindow(role);
    }

    @Override
    public long promptTokens(String system, String user) {
        return models.promptTokens(role, system, user);
    }
}
