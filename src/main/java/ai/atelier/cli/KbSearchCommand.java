package ai.atelier.cli;

import ai.atelier.Atelier;
import ai.atelier.AtelierException;
import ai.atelier.knowledge.ChunkKind;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.IndexLocation;
import ai.atelier.knowledge.KnowledgeIndex;
import ai.atelier.knowledge.Retriever.RetrievalQuery;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code atelier kb search}: ranked chunks for a query, with lexical, vector and fused scores. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the company knowledge index (built first if missing or out of date) and print ranked chunks with their scores and sources.",
                "Exit codes: 0 searched (even with no hits), 2 bad input."})
final class KbSearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "What to look for, in plain words.")
    String query;

    @Option(names = "--industry", paramLabel = "X", description = "Only chunks for this industry or for all industries.")
    String industry;

    @Option(names = "--topic", paramLabel = "T", description = "Only chunks of this topic (a research topic, or an offering id).")
    String topic;

    @Option(names = "--kind", paramLabel = "KIND", split = ",", description = "Only these kinds: research, offering, testimonial, guideline (default: all).")
    List<String> kinds;

    @Option(names = "--k", paramLabel = "N", defaultValue = "5", description = "How many chunks to show (default 5, at most 100).")
    int k;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", description = "hybrid (default), lexical or vector.")
    String mode;

    @picocli.CommandLine.Mixin
    SetupOptions.CompanyOption company;

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: <company>/.atelier-index/ or the cache fallback).")
    Path index;

    @Override
    public Integer call() {
        if (query == null || query.isBlank()) throw new AtelierException("the search query is empty; pass some words, e.g. atelier kb search \"energy costs\"");
        if (k < 1 || k > 100) throw new AtelierException("--k must be between 1 and 100, got " + k);
        KnowledgeIndex.Mode m;
        try {
            m = KnowledgeIndex.Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AtelierException("--mode must be hybrid, lexical or vector, got \"" + mode + "\"");
        }
        EnumSet<ChunkKind> wanted = EnumSet.noneOf(ChunkKind.class);
        if (kinds != null) {
            for (String s : kinds) {
                try {
                    wanted.add(ChunkKind.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new AtelierException("--kind must be research, offering, testimonial or guideline, got \"" + s + "\"");
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Atelier atelier = Atelier.builder().build()) {
            Company c = atelier.loadCompany(company.dir());
            Path dir = index != null ? index : IndexLocation.defaultFor(c.dir());
            KnowledgeIndex kb = atelier.knowledge().open(c, dir, new IngestProgressBar(err, System.console() != null));
            List<RetrievedChunk> hits = kb.search(new RetrievalQuery(query, industry, topic, wanted, k), m);
            out.printf("%d of %d chunks (%s; index %s)%n", hits.size(), kb.size(), m.name().toLowerCase(Locale.ROOT), kb.dir());
            int rank = 1;
            for (RetrievedChunk h : hits) {
                var ch = h.chunk();
                out.printf("%2d. fused %.4f  lexical %.3f  vector %.3f  %s%n", rank++, h.score(), h.lexicalScore(), h.vectorScore(), ch.id());
                out.printf("    %s | %s | %s | %s%n", ch.kind().label(), String.join(",", ch.industries()), ch.topic().isEmpty() ? "-" : ch.topic(), ch.heading());
                String text = ch.text().replaceAll("\\s+", " ");
                out.println("    " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
            }
            if (hits.isEmpty()) out.println("no chunks match; try without --industry/--topic/--kind");
            return 0;
        }
    }
}
