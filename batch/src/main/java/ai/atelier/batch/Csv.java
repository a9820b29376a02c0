package ai.atelier.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, double quotes around a field that holds commas,
 * quotes (doubled) or line breaks. Each record knows the line it starts on, so a bad row is named by
 * the line the user sees in an editor; an unterminated quote is a problem of that record only.
 */
final class Csv {
    record Record(int line, List<String> fields, String problem) {}

    private Csv() {}

    static List<Record> parse(String text) {
        List<Record> out = new ArrayList<>();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int i = 0, line = 1, n = text.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false, end = false;
            String problem = null;
            while (i < n && !end) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') { f.append('"'); i++; }
                        else quoted = false;
                    } else {
                        if (c == '\n') line++;
                        f.append(c);
                    }
                } else if (c == '"' && f.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                    line++;
                    end = true;
                } else {
                    f.append(c);
                }
                i++;
            }
            if (quoted) problem = "a quoted field is not closed (a \" is missing)";
            fields.add(f.toString());
            out.add(new Record(start, fields, problem));
        }
        return out;
    }
}
