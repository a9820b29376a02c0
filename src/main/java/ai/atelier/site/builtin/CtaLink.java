package ai.atelier.site.builtin;

import ai.atelier.knowledge.Company;
import java.net.URI;

/** Where the call to action points: the company's own site if policy allows it, else its e-mail, else the contact block. */
final class CtaLink {
    private CtaLink() {}

    static String choose(Company c) {
        String url = c.info().contact().url();
        if (url != null) {
            try {
                URI u = URI.create(url);
                if ("https".equals(u.getScheme()) && c.policies().allowsHost(u.getHost())) return url;
            } catch (IllegalArgumentException ignored) {
                // fall through to the next option
            }
        }
        String email = c.info().contact().email();
        if (email != null && email.matches("[^@\\s]+@[^@\\s]+") && c.policies().allowsHost(email.substring(email.indexOf('@') + 1))) {
            return "mailto:" + email;
        }
        return "#contact";
    }
}
