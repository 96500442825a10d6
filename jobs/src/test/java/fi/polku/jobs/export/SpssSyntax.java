package fi.polku.jobs.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small parser of the SPSS syntax Polku generates (for tests): commands end with a '.' at the end of a line
 * outside quotes; '*' lines are comments; quoted strings use '' or "" for a quote. It understands GET DATA
 * (/FILE, /VARIABLES), DATASET NAME, VARIABLE LABELS, VALUE LABELS, VARIABLE LEVEL and RECODE … INTO, and fails on anything
 * else so that the syntax stays within what it checks.
 */
final class SpssSyntax {
    record Table(String file, Map<String, String> formats, Map<String, String> variableLabels, Map<String, List<String[]>> valueLabels,
                 Map<String, String> levels, Map<String, Map<String, String>> recodes) {
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();

    Map<String, Table> tables() {
        return tables;
    }

    static SpssSyntax parse(String text) {
        SpssSyntax s = new SpssSyntax();
        Table current = null;
        for (List<String> cmd : commands(text)) {
            String head = String.join(" ", cmd.subList(0, Math.min(2, cmd.size()))).toUpperCase(java.util.Locale.ROOT);
            if (head.equals("GET DATA")) {
                String file = null;
                Map<String, String> formats = new LinkedHashMap<>();
                for (int i = 2; i < cmd.size(); i++) {
                    if (cmd.get(i).equals("/FILE=")) {
                        file = unquote(cmd.get(++i));
                    } else if (cmd.get(i).equals("/VARIABLES=")) {
                        for (i++; i + 1 < cmd.size(); i += 2) {
                            formats.put(cmd.get(i), cmd.get(i + 1));
                        }
                    }
                }
                current = new Table(file, formats, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                        new LinkedHashMap<>());
            } else if (head.equals("DATASET NAME")) {
                s.tables.put(cmd.get(2), current);
            } else if (head.equals("VARIABLE LABELS")) {
                for (int i = 2; i + 1 < cmd.size(); i += 2) {
                    current.variableLabels().put(cmd.get(i), unquote(cmd.get(i + 1)));
                }
            } else if (head.equals("VALUE LABELS")) {
                List<String[]> pairs = new ArrayList<>();
                for (int i = 3; i + 1 < cmd.size(); i += 2) {
                    pairs.add(new String[] {unquote(cmd.get(i)), unquote(cmd.get(i + 1))});
                }
                current.valueLabels().put(cmd.get(2), pairs);
            } else if (head.equals("VARIABLE LEVEL")) {
                String level = cmd.get(cmd.size() - 1).replaceAll("[()]", "");
                for (String v : cmd.subList(2, cmd.size() - 1)) {
                    current.levels().put(v, level);
                }
            } else if (head.startsWith("RECODE ")) {
                Map<String, String> map = new LinkedHashMap<>();
                int into = cmd.indexOf("INTO");
                String code = null;
                for (int i = 2; i < into; i++) {
                    String t = cmd.get(i);
                    if (t.startsWith("'")) {
                        code = unquote(t);
                    } else if (t.matches("\\d+\\)")) {
                        map.put(code, t.substring(0, t.length() - 1));
                    }
                }
                current.recodes().put(cmd.get(into + 1), map);
            } else if (!List.of("CD", "SET", "MISSING", "SAVE", "FORMATS").contains(cmd.get(0).toUpperCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("unexpected command: " + cmd);
            }
        }
        return s;
    }

    private static String unquote(String token) {
        if (token.length() >= 2 && (token.startsWith("'") || token.startsWith("\""))) {
            char q = token.charAt(0);
            return token.substring(1, token.length() - 1).replace("" + q + q, "" + q);
        }
        return token;
    }

    /** The commands as token lists; a token is a quoted string, a '/KEY=' or a word. */
    private static List<List<String>> commands(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> cmd = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("*") || line.isBlank()) {
                continue;
            }
            int i = 0;
            while (i < line.length()) {
                char ch = line.charAt(i);
                if (Character.isWhitespace(ch)) {
                    i++;
                } else if (ch == '\'' || ch == '"') {
                    int j = i + 1;
                    while (true) {
                        if (line.charAt(j) == ch && (j + 1 >= line.length() || line.charAt(j + 1) != ch)) {
                            break;
                        }
                        j += line.charAt(j) == ch ? 2 : 1;
                    }
                    cmd.add(line.substring(i, j + 1));
                    i = j + 1;
                } else {
                    int j = i;
                    while (j < line.length() && !Character.isWhitespace(line.charAt(j)) && line.charAt(j) != '\'' && line.charAt(j) != '"') {
                        j++;
                        if (line.charAt(j - 1) == '=') {
                            break;
                        }
                    }
                    cmd.add(line.substring(i, j));
                    i = j;
                }
            }
            String last = cmd.isEmpty() ? "" : cmd.get(cmd.size() - 1);
            if (last.endsWith(".") && !last.startsWith("'") && !last.startsWith("\"")) {
                cmd.set(cmd.size() - 1, last.substring(0, last.length() - 1));
                if (cmd.get(cmd.size() - 1).isEmpty()) {
                    cmd.remove(cmd.size() - 1);
                }
                out.add(cmd);
                cmd = new ArrayList<>();
            } else if (last.endsWith("'.") || last.endsWith("\".")) {
                cmd.set(cmd.size() - 1, last.substring(0, last.length() - 1));
                out.add(cmd);
                cmd = new ArrayList<>();
            }
        }
        return out;
    }
}
