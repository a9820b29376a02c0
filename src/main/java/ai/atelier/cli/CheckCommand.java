package ai.atelier.cli;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.quality.QaAgent;
import ai.atelier.quality.SiteCheck;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code atelier check}: QA of any page folder, with the same checks and report as generate. A thin shell over {@link SiteCheck}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a page folder (Atelier's own, a hand-edited one or another generator's) with the same QA as generate.",
                "Writes quality.json in the folder and prints the summary.",
                "Exit codes: 0 the page passed the quality gate, 1 it failed, 2 bad input (nothing written)."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SITE_DIR", description = "Folder holding the page's index.html (and styles.css, assets/).")
    Path site;

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "The visitor profile the page was made for (JSON; name and industry required).")
    Path profile;

    @Mixin
    SetupOptions.CompanyOption company;

    @Mixin
    SetupOptions.QualityOptions quality;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Profile p = new ProfileReader().read(profile);
        Company c = new CompanyLoader().load(company.dir());
        try (QaAgent qa = QaAgent.create(quality.config())) {
            SiteCheck.Outcome o = SiteCheck.folder(site, p, c, qa);
            out.println("Checked " + site.resolve("index.html") + "   Report: " + o.reportFile());
            SiteCheck.summary(o.report()).forEach(out::println);
            out.flush();
            return o.report().passed() ? 0 : AtelierCommand.EXIT_SITE_FAILED;
        }
    }
}
