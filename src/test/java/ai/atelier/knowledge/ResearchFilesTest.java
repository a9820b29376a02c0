package ai.atelier.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.AtelierException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Research files of every supported type are read with their metadata; bad ones are named and skipped, never fatal. */
class ResearchFilesTest {
    @TempDir
    Path company;

    @BeforeEach
    void requiredFiles() throws IOException {
        Path src = Path.of("examples/company");
        Files.createDirectories(company.resolve("research"));
        for (String f : List.of("company.yaml", "offerings.yaml", "testimonials.yaml", "design-guidelines.md", "policies.yaml")) {
            Files.copy(src.resolve(f), company.resolve(f));
        }
        Files.copy(src.resolve("research/retail-customer-churn.md"), company.resolve("research/retail-customer-churn.md"));
    }

    @Test
    void textHtmlAndPdfResearchIsReadWithMetadata() throws IOException {
        Files.writeString(company.resolve("research/notes.txt"), "Cold chain notes\n\nReefer units fail most often in summer heat.\n");
        Files.writeString(company.resolve("research/fleet.html"), """
                <html><head><title>Fleet study</title><meta name="industry" content="Logistics, retail"><meta name="topic" content="fleet">
                <script>alert('not text')</script></head>
                <body><h1>Fleet study</h1><p>Trucks idle at docks.</p><h2>Fixes</h2><ul><li>Book dock slots</li><li>Share ETAs</li></ul></body></html>
                """);
        pdf(company.resolve("research/shrink.pdf"), "Shrink audit", "retail", "inventory-shrink", "Damaged goods are the largest shrink cause in our audit.");
        Company c = new CompanyLoader().load(company);
        assertThat(c.skipped()).isEmpty();
        ResearchDoc txt = doc(c, "research/notes.txt");
        assertThat(txt.title()).isEqualTo("Cold chain notes");
        assertThat(txt.industries()).containsExactly("general");
        ResearchDoc html = doc(c, "research/fleet.html");
        assertThat(html.title()).isEqualTo("Fleet study");
        assertThat(html.industries()).containsExactly("logistics", "retail");
        assertThat(html.topic()).isEqualTo("fleet");
        assertThat(html.body()).contains("## Fixes").contains("Book dock slots").doesNotContain("alert");
        List<Chunk> chunks = new Chunker().chunk(html);
        assertThat(chunks).extracting(Chunk::heading).containsExactly("Fleet study", "Fixes");
        ResearchDoc pdf = doc(c, "research/shrink.pdf");
        assertThat(pdf.title()).isEqualTo("Shrink audit");
        assertThat(pdf.industries()).containsExactly("retail");
        assertThat(pdf.topic()).isEqualTo("inventory-shrink");
        assertThat(pdf.body()).contains("Damaged goods are the largest shrink cause");
    }

    @Test
    void badResearchFilesAreEachNamedAndSkippedAndTheRestLoad() throws IOException {
        Files.writeString(company.resolve("research/unclosed.md"), "---\ntitle: x\nindustry: retail\n\nNo closing line.\n");
        Files.writeString(company.resolve("research/bad-yaml.md"), "---\ntitle: [unclosed\n---\nBody\n");
        Files.writeString(company.resolve("research/empty.md"), "");
        Files.write(company.resolve("research/binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, (byte) 0xFF, 0});
        Files.write(company.resolve("research/latin1.md"), "caf\u00e9 cr\u00e8me".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(company.resolve("research/huge.md"), "x".repeat((int) ResearchReader.MAX_TEXT_BYTES + 1));
        Files.createSymbolicLink(company.resolve("research/gone.md"), company.resolve("nowhere.md"));
        Files.write(company.resolve("research/broken.pdf"), "%PDF-1.7 this is not really a pdf".getBytes());
        Files.writeString(company.resolve("research/slides.pptx"), "not a research type");
        Files.writeString(company.resolve("research/.DS_Store"), "ignored silently");
        Company c = new CompanyLoader().load(company);
        assertThat(c.research()).extracting(ResearchDoc::id).containsExactly("research/retail-customer-churn.md");
        assertThat(c.skipped()).extracting(SkippedFile::file).containsExactlyInAnyOrder(
                "research/unclosed.md", "research/bad-yaml.md", "research/empty.md", "research/binary.txt", "research/latin1.md",
                "research/huge.md", "research/gone.md", "research/broken.pdf", "research/slides.pptx");
        assertThat(reason(c, "research/unclosed.md")).contains("never closed");
        assertThat(reason(c, "research/bad-yaml.md")).contains("not valid YAML");
        assertThat(reason(c, "research/empty.md")).contains("empty");
        assertThat(reason(c, "research/binary.txt")).contains("binary");
        assertThat(reason(c, "research/latin1.md")).contains("UTF-8");
        assertThat(reason(c, "research/huge.md")).contains("limit");
        assertThat(reason(c, "research/gone.md")).contains("cannot be read");
        assertThat(reason(c, "research/broken.pdf")).contains("not a readable PDF");
        assertThat(reason(c, "research/slides.pptx")).contains("not a supported research type");
        assertThat(c.skipped()).allSatisfy(s -> assertThat(s.warning()).startsWith("skipped " + s.file() + ": "));
    }

    @Test
    void requiredFilesStillFailHard() throws IOException {
        Files.writeString(company.resolve("offerings.yaml"), "[unclosed");
        assertThatThrownBy(() -> new CompanyLoader().load(company)).isInstanceOf(AtelierException.class).hasMessageContaining("offerings.yaml");
    }

    @Test
    void chunkerSplitsLongParagraphsAtSentencesWithOverlap() {
        StringBuilder body = new StringBuilder("# Title\n\n");
        for (int i = 0; i < 40; i++) body.append("Sentence number ").append(i).append(" talks about idle running of ovens. ");
        List<Chunk> chunks = new Chunker(400).chunk(new ResearchDoc("research/long.txt", "Title", List.of("general"), "", body.toString()));
        assertThat(chunks.size()).isGreaterThan(3);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(400));
        for (int i = 1; i < chunks.size(); i++) {
            String prevLast = chunks.get(i - 1).text().substring(chunks.get(i - 1).text().lastIndexOf("Sentence number"));
            assertThat(chunks.get(i).text()).as("chunk %d starts with the previous chunk's last sentence", i).startsWith(prevLast);
        }
        assertThat(chunks).extracting(Chunk::id).doesNotHaveDuplicates();
    }

    private static ResearchDoc doc(Company c, String id) {
        return c.research().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private static String reason(Company c, String file) {
        return c.skipped().stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow().reason();
    }

    static void pdf(Path file, String title, String industry, String topic, String text) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
                cs.endText();
            }
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCustomMetadataValue("industry", industry);
            doc.getDocumentInformation().setCustomMetadataValue("topic", topic);
            doc.save(file.toFile());
        }
    }
}
