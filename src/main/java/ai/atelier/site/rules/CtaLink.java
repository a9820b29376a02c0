package ai.atelier.site.rules;

import ai.atelier.knowledge.Company;
import java.net.URI;

/** Where the call to action points: the company's own site if policy allows it, else its e-mail, else the contact block. */
final class CtaLink {
    private CtaLink() {}

    /** The company's own call-to-action link when policy allows it, else as {@link #choose(Company)}. */
    static String choose(Company c, String own) {
        if (own != null) {
            if (own.startsWith("#")) return own;
            if (own.startsWith("mailto:") && c.policies().allowsHost(own.substring(own.indexOf('@') + 1))) return own;
            try {
                URI u = URI.create(own);
                if ("https".equals(u.getScheme()) && c.policies().allowsHost(u.getHost())) return own;
            } catch (IllegalArgumentException ignored) {
                // not a usable link: fall back
            }
        }
        return choose(c);
    }

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
