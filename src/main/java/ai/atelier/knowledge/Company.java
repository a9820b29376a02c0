package ai.atelier.knowledge;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a company folder says: who the company is, its vetted research, what it sells, who
 * vouches for it, how its pages must look and what they must never say. Loaded once per run by
 * {@link CompanyLoader}; any folder in the contract layout works. {@code skipped} names the research
 * files that could not be used (they were warned about and left out, the rest loaded).
 */
public record Company(
        Path dir,
        CompanyInfo info,
        List<ResearchDoc> research,
        List<Offering> offerings,
        List<Testimonial> testimonials,
        String designGuidelines,
        Policies policies,
        List<SkippedFile> skipped) {

    public Company {
        research = List.copyOf(research);
        offerings = List.copyOf(offerings);
        testimonials = List.copyOf(testimonials);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** A company with nothing skipped. */
    public Company(Path dir, CompanyInfo info, List<ResearchDoc> research, List<Offering> offerings,
                   List<Testimonial> testimonials, String designGuidelines, Policies policies) {
        this(dir, info, research, offerings, testimonials, designGuidelines, policies, List.of());
    }

    /** Industries the company has research for, lower-case. */
    public java.util.Set<String> researchedIndustries() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        research.forEach(d -> out.addAll(d.industries()));
        return out;
    }
}
