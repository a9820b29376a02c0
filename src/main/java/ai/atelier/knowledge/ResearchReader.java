package ai.atelier.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads one research file of any supported type into a {@link ResearchDoc}: markdown and plain
 * text (optional YAML front matter: title, industry, topic), HTML (title from {@code <title>},
 * industry and topic from {@code <meta name="industry|topic">}, headings kept as headings) and PDF
 * (text layer; title from the document information, industry and topic from its custom keys of
 * those names). A file that cannot be used throws {@link Unusable} with a one-line reason, so the
 * caller can warn, skip it and go on with the rest.
 */
public final class ResearchReader {
    /** Largest text research file read (markdown, text, HTML). */
    public static final long MAX_TEXT_BYTES = CompanyLoader.MAX_FILE_BYTES;
    /** Largest PDF read; PDFs carry fonts and images, so they may be larger than their text. */
    public static final long MAX_PDF_BYTES = 20L * 1024 * 1024;
    /** File name endings read as research; anything else in research/ is skipped with a warning. */
    public static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".txt", ".html", ".htm", ".pdf");

    /** Why a research file was skipped. */
    public static final class Unusable extends RuntimeException {
        public Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    public static boolean supports(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /** Reads {@code file}; {@code id} is its company-relative path, used in chunk ids and provenance. */
    public ResearchDoc read(String id, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new Unusable("cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (size == 0) throw new Unusable("is empty");
        boolean pdf = name.endsWith(".pdf");
        long limit = pdf ? MAX_PDF_BYTES : MAX_TEXT_BYTES;
        if (size > limit) throw new Unusable("is " + size / 1024 + " KiB, over the " + limit / 1024 + " KiB limit (split it or trim it)");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new Unusable("cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (pdf) return pdf(id, bytes);
        String text = utf8(bytes);
        if (text.isBlank()) throw new Unusable("is empty");
        if (name.endsWith(".html") || name.endsWith(".htm")) return html(id, text);
        ResearchDoc doc = FrontMatter.parse(id, text);
        if (name.endsWith(".txt") && doc.title().equals(id)) {
            String first = doc.body().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(id);
            doc = new ResearchDoc(id, first.length() > 120 ? first.substring(0, 120) : first, doc.industries(), doc.topic(), doc.body());
        }
        return doc;
    }

    /** Strict UTF-8: binary data under a text extension is refused rather than indexed as noise. */
    static String utf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) throw new Unusable("contains binary data (NUL bytes), not text; is it really a text file?");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            long control = s.chars().filter(c -> c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
            if (control > Math.max(8, s.length() / 100)) throw new Unusable("looks binary (" + control + " control characters); save it as UTF-8 text");
            return s;
        } catch (CharacterCodingException e) {
            throw new Unusable("is not valid UTF-8 text (binary data with a text extension?); save it as UTF-8");
        }
    }

    private static ResearchDoc html(String id, String text) {
        Document d = Jsoup.parse(text);
        String title = d.title().strip();
        Element h1 = d.selectFirst("h1");
        if (title.isEmpty() && h1 != null) title = h1.text().strip();
        if (title.isEmpty()) title = id;
        List<String> industries = metaList(d, "industry");
        String topic = String.join("", metaList(d, "topic").stream().limit(1).toList());
        String blocks = "h1,h2,h3,h4,h5,h6,p,li,pre,blockquote,td,th,dt,dd,figcaption";
        Set<Element> chosen = new HashSet<>();
        StringBuilder body = new StringBuilder();
        for (Element e : d.body().select(blocks)) {
            if (e.parents().stream().anyMatch(chosen::contains)) continue;
            chosen.add(e);
            String t = e.text().strip();
            if (t.isEmpty()) continue;
            if (e.normalName().matches("h[1-6]")) body.append("#".repeat(e.normalName().charAt(1) - '0')).append(' ');
            body.append(t).append("\n\n");
        }
        if (body.toString().isBlank()) body.append(d.body().wholeText().strip());
        if (body.toString().isBlank()) throw new Unusable("has no text in its <body>");
        return new ResearchDoc(id, title, industries.isEmpty() ? List.of("general") : industries, topic, body.toString());
    }

    private static List<String> metaList(Document d, String name) {
        List<String> out = new ArrayList<>();
        for (Element m : d.select("meta[name=" + name + "]")) {
            for (String s : m.attr("content").split(",")) {
                if (!s.isBlank()) out.add(s.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static ResearchDoc pdf(String id, byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            if (doc.isEncrypted()) throw new Unusable("is an encrypted PDF; save an unencrypted copy");
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd("\n\n");
            String text = stripper.getText(doc).replace("\r", "");
            if (text.length() > MAX_TEXT_BYTES) throw new Unusable("has more than " + MAX_TEXT_BYTES / 1024 + " KiB of text; split it");
            if (text.isBlank()) throw new Unusable("has no text layer (a scanned PDF?); add OCR text or a .txt version");
            PDDocumentInformation info = doc.getDocumentInformation();
            String title = info.getTitle() == null || info.getTitle().isBlank()
                    ? text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(id) : info.getTitle().strip();
            if (title.length() > 120) title = title.substring(0, 120);
            List<String> industries = new ArrayList<>();
            String ind = info.getCustomMetadataValue("industry");
            if (ind != null) for (String s : ind.split(",")) if (!s.isBlank()) industries.add(s.strip().toLowerCase(Locale.ROOT));
            String topic = info.getCustomMetadataValue("topic");
            if (topic == null) topic = info.getSubject();
            return new ResearchDoc(id, title, industries.isEmpty() ? List.of("general") : industries,
                    topic == null ? "" : topic.strip(), text);
        } catch (IOException e) {
            throw new Unusable("is not a readable PDF (" + e.getMessage() + ")");
        }
    }
}
