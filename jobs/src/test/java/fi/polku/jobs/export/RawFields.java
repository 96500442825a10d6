package fi.polku.jobs.export;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into its fields and says which were quoted (for the Excel test; no line breaks inside fields). */
final class RawFields {
    private RawFields() {
    }

    /** Each field as {value, "quoted" or null}. */
    static List<String[]> split(String line, char delimiter) {
        List<String[]> out = new ArrayList<>();
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        int i = 0;
        while (true) {
            if (i < s.length() && s.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                while (true) {
                    char c = s.charAt(j);
                    if (c == '"' && j + 1 < s.length() && s.charAt(j + 1) == '"') {
                        b.append('"');
                        j += 2;
                    } else if (c == '"') {
                        break;
                    } else {
                        b.append(c);
                        j++;
                    }
                }
                out.add(new String[] {b.toString(), "quoted"});
                i = j + 1;
            } else {
                int j = s.indexOf(delimiter, i);
                j = j < 0 ? s.length() : j;
                out.add(new String[] {s.substring(i, j), null});
                i = j;
            }
            if (i >= s.length()) {
                return out;
            }
            i++; // the delimiter
            if (i == s.length()) {
                out.add(new String[] {"", null});
                return out;
            }
        }
    }
}
