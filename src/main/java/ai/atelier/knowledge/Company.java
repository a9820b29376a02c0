package ai.atelier.knowledge;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a company folder says: who the company is, its vetted research, what it sells, who
 * vouches for it, how its pages must look and what they must never say. Loaded once per run by
 * {@link CompanyLoader}; any folder in the contract layout works.
 */
public record Company(
        Path dir,
        CompanyInfo info,
        List<ResearchDoc> research,
        List<Offering> offerings,
        List<Testimonial> testimonials,
        String designGuidelines,
        Policies policies) {

    public Company {
        research = List.copyOf(research);
        offerings = List.copyOf(offerings);
        testimonials = List.copyOf(testimonials);
    }

    /** Industries the company has research for, lower-case. */
    public java.util.Set<String> researchedIndustries() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        research.forEach(d -> out.addAll(d.industries()));
        return out;
    }
}
