package ai.atelier.site.finegrained;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of the company's design guidelines one fine-grained step needs: a copywriter reads
 * the voice, the art director the imagery, neither the layout, colour and accessibility rules the
 * design system applies in code. Sections are the guidelines' markdown headings; a step gets
 * those whose heading names one of its topics, or the whole text when no heading does (a folder
 * whose guidelines are not split that way loses nothing).
 */
final class GuidelineSections {
    private static final Pattern HEADING = Pattern.compile("(?m)^(#{2,3})\\s+(.+)$");

    static final List<String> COPY = List.of("voice", "tone", "copy", "writing", "wording", "language");
    static final List<String> IMAGERY = List.of("imagery", "illustration", "picture", "image", "icon");

    private GuidelineSections() {}

    static String of(String guidelines, List<String> topics) {
        if (guidelines == null || guidelines.isBlank()) return "(none)";
        Matcher m = HEADING.matcher(guidelines);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.group(1).length()});
            names.add(m.group(2).toLowerCase(Locale.ROOT));
        }
        StringBuilder out = new StringBuilder();
        int taken = 0; // the end of the last section taken: a subsection of it is in already
        for (int i = 0; i < starts.size(); i++) {
            String name = names.get(i);
            if (topics.stream().noneMatch(name::contains) || starts.get(i)[0] < taken) continue;
            int j = i + 1;
            while (j < starts.size() && starts.get(j)[1] > starts.get(i)[1]) j++; // its subsections belong to it
            int end = j < starts.size() ? starts.get(j)[0] : guidelines.length();
            taken = end;
            if (!out.isEmpty()) out.append("\n\n");
            out.append(guidelines, starts.get(i)[0], end);
        }
        return out.isEmpty() ? guidelines.strip() : out.toString().strip();
    }
}
