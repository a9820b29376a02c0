package ai.atelier.reuse;

import ai.atelier.knowledge.Company;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The version of a company's knowledge: a SHA-256 over everything its folder says (identity and
 * brand, research, offerings, testimonials, guidelines, policies), so every reuse key carries it and
 * no output is ever shared between two companies, nor kept across an edit of the folder. The last
 * company's version is remembered (one batch runs one company), so hashing happens once.
 */
final class CompanyVersion {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static volatile Object[] last = {null, null};

    private CompanyVersion() {}

    static String of(Company company) {
        Object[] l = last;
        if (l[0] == company) return (String) l[1];
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("info", company.info());
        content.put("research", company.research());
        content.put("offerings", company.offerings());
        content.put("testimonials", company.testimonials());
        content.put("guidelines", company.designGuidelines());
        content.put("policies", company.policies());
        String v;
        try {
            v = ReuseStore.key("company", JSON.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint company " + company.info().name(), e);
        }
        last = new Object[] {company, v};
        return v;
    }

    /** This build of Atelier: the built-in engine's drawings and retrieval may change between versions. */
    static String atelier() {
        String v = CompanyVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
