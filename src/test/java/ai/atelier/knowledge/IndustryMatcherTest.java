package ai.atelier.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The visitor's industry by name, synonym and meaning (real MiniLM), and the company's call to action. */
class IndustryMatcherTest {
    static Company company;

    @BeforeAll
    static void load() {
        company = new CompanyLoader().load(Path.of("examples/company"));
    }

    @Test
    void byNameSynonymAndStem() {
        IndustryMatcher m = IndustryMatcher.shared();
        assertThat(m.match("Manufacturing", company).kind()).isEqualTo(IndustryMatcher.Kind.EXACT);
        assertThat(m.match("Manufacturer", company).key()).isEqualTo("manufacturing");
        assertThat(m.match("Health care", company).key()).isEqualTo("healthcare");
        assertThat(m.match("trucking", company)).extracting(IndustryMatcher.Match::key, IndustryMatcher.Match::kind)
                .containsExactly("logistics", IndustryMatcher.Kind.SYNONYM);
    }

    @Test
    void byMeaningWithAThresholdAndAFallback() {
        IndustryMatcher.Match food = IndustryMatcher.shared().match("food-distribution", company);
        assertThat(food.kind()).isEqualTo(IndustryMatcher.Kind.NEAREST);
        assertThat(food.key()).isEqualTo("logistics");
        assertThat(food.similarity()).isGreaterThanOrEqualTo(IndustryMatcher.THRESHOLD);
        IndustryMatcher.Match mining = IndustryMatcher.shared().match("mining", company);
        assertThat(mining.found()).isFalse();
        assertThat(mining.similarity()).isLessThan(IndustryMatcher.THRESHOLD);
        // an unrelated visitor gets no offering sold only to another industry
        assertThat(company.offerings().stream().filter(o -> IndustryMatcher.fitsVisitor(o.industries(), mining, company)).map(Offering::id))
                .containsExactlyInAnyOrder("data-foundations", "discovery-sprint");
    }

    @Test
    void theCallToActionIsTheCompanysOwn() {
        assertThat(CompanyCallToAction.of(company).label()).isEqualTo("Book a one-hour call");
        assertThat(CompanyCallToAction.fromGuidelines("## Layout\n6. **Call to action.** Ask visitors to \"Request a free site assessment\".")).isEqualTo("Request a free site assessment");
        assertThat(CompanyCallToAction.fromGuidelines("no such line")).isNull();
        assertThat(CompanyCallToAction.imperative("scheduling a visit")).isEqualTo("Schedule a visit");
    }
}
