package fi.polku.jobs.export;

import fi.polku.jobs.config.ExportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The student dataset's codebook, the one source of its labels: Finnish and English variable labels and
 * Finnish meanings ({@code datasets/codebook_columns.csv}), and the code sets with Finnish and English value
 * labels in a stable order ({@code datasets/codebook_values.csv}); region and indicator codes are labelled
 * from {@code regions.csv} and {@code indicators.csv}, plus {@code other}. The English meanings, types and
 * units stay in the data dictionary ({@link DataDictionary}); KOODIKIRJA, the datapackage's categories and the
 * SPSS and R syntax are all generated from the two. The status columns' {@code _detail} explanations, in Finnish
 * and English, come from {@code datasets/codebook_details.csv}.
 */
final class Codebook {
    static final String COLUMNS = "/polku/datasets/codebook_columns.csv";
    static final String VALUES = "/polku/datasets/codebook_values.csv";
    static final String DETAILS = "/polku/datasets/codebook_details.csv";
    /** The table name of a row that applies to every table. */
    static final String ANY_TABLE = "*";

    /** One column's labels; {@code codes} names its code set, or is blank. */
    record Entry(String table, String column, String labelFi, String labelEn, String meaningFi, String codes) {
    }

    /** One code with its labels; {@code match} finds it at the start of a raw status text. */
    record Value(String code, String labelFi, String labelEn, Pattern match) {
    }

    /** A code set: its values in the codebook's order, and whether that order is a ranking. */
    record CodeSet(String name, boolean ordered, List<Value> values) {
        /** The value with this code, if the set has it. */
        Optional<Value> value(String code) {
            return values.stream().filter(v -> v.code().equals(code)).findFirst();
        }

        /** The code of a raw status text: the first value whose pattern matches at its start. */
        Optional<String> codeOf(String raw) {
            return values.stream().filter(v -> v.match().matcher(raw).lookingAt()).map(Value::code).findFirst();
        }
    }

    /**
     * One form of a status code's explanation: a raw status text that {@code form} matches whole gets {@code fi} or
     * {@code en} with {@code {1}}, {@code {2}}, … replaced by the form's groups.
     */
    record Detail(String set, String code, Pattern form, String fi, String en) implements java.io.Serializable {
        /** The explanation of a raw text this form matches, in the language; empty when it does not match. */
        Optional<String> of(String raw, ExportSettings.Language language) {
            Matcher m = form.matcher(raw);
            if (!m.matches()) {
                return Optional.empty();
            }
            String text = language == ExportSettings.Language.FI ? fi : en;
            for (int g = m.groupCount(); g >= 1; g--) {
                text = text.replace("{" + g + "}", m.group(g) == null ? "" : m.group(g));
            }
            return Optional.of(text);
        }
    }

    private final Map<String, Entry> columns = new LinkedHashMap<>();
    private final List<Detail> details = new ArrayList<>();
    private final Map<String, CodeSet> sets = new LinkedHashMap<>();

    private Codebook() {
    }

    /** The codebook carried in the jar. */
    static Codebook bundled() {
        Codebook book = new Codebook();
        for (CSVRecord r : read(COLUMNS)) {
            Entry e = new Entry(r.get("table"), r.get("column"), r.get("label_fi"), r.get("label_en"), r.get("meaning_fi"), r.get("codes"));
            if (e.labelFi().isBlank() || e.labelEn().isBlank() || e.meaningFi().isBlank()) {
                throw new IllegalStateException(COLUMNS + " line " + r.getRecordNumber() + ": " + e.table() + "." + e.column()
                        + " needs label_fi, label_en and meaning_fi");
            }
            if (book.columns.put(e.table() + "." + e.column(), e) != null) {
                throw new IllegalStateException(COLUMNS + ": " + e.table() + "." + e.column() + " is listed twice");
            }
        }
        Map<String, List<Value>> values = new LinkedHashMap<>();
        Map<String, Boolean> ordered = new LinkedHashMap<>();
        for (CSVRecord r : read(VALUES)) {
            String set = r.get("codes");
            String code = r.get("value");
            String match = r.get("match");
            Pattern p = Pattern.compile(match.isEmpty() ? Pattern.quote(code) + "($|[:; ])" : match);
            values.computeIfAbsent(set, s -> new ArrayList<>()).add(new Value(code, r.get("label_fi"), r.get("label_en"), p));
            boolean o = r.get("ordered").equals("yes");
            if (ordered.containsKey(set) && ordered.get(set) != o) {
                throw new IllegalStateException(VALUES + ": code set " + set + " is both ordered and not");
            }
            ordered.put(set, o);
        }
        values.forEach((name, list) -> book.sets.put(name, new CodeSet(name, ordered.get(name), List.copyOf(list))));
        for (CSVRecord r : read(DETAILS)) {
            Detail d = new Detail(r.get("codes"), r.get("value"), Pattern.compile(r.get("form")), r.get("detail_fi"), r.get("detail_en"));
            if (d.fi().isBlank() || d.en().isBlank()) {
                throw new IllegalStateException(DETAILS + " line " + r.getRecordNumber() + ": " + d.set() + " " + d.code()
                        + " needs detail_fi and detail_en");
            }
            if (book.sets.get(d.set()) == null || book.sets.get(d.set()).value(d.code()).isEmpty()) {
                throw new IllegalStateException(DETAILS + " line " + r.getRecordNumber() + ": " + d.set() + " " + d.code()
                        + " is not a code of " + VALUES);
            }
            book.details.add(d);
        }
        book.sets.put("region", reference("region", "regions.csv", "code", KAnonymityOther.REGION));
        book.sets.put("indicator", reference("indicator", "indicators.csv", "indicator", null));
        for (Entry e : book.columns.values()) {
            if (!e.codes().isEmpty() && !book.sets.containsKey(e.codes())) {
                throw new IllegalStateException(COLUMNS + ": " + e.table() + "." + e.column() + " refers to code set '" + e.codes()
                        + "', which " + VALUES + " does not have");
            }
        }
        return book;
    }

    /** A column's labels: its table's row, or else the row for every table. */
    Optional<Entry> column(String table, String column) {
        Entry e = columns.get(table + "." + column);
        return Optional.ofNullable(e != null ? e : columns.get(ANY_TABLE + "." + column));
    }

    /** A column's code set, if it is coded. */
    Optional<CodeSet> codes(String table, String column) {
        return column(table, column).filter(e -> !e.codes().isEmpty()).map(e -> sets.get(e.codes()));
    }

    /** A code set by name. */
    Optional<CodeSet> set(String name) {
        return Optional.ofNullable(sets.get(name));
    }

    /** The explanation forms of a code set, in the codebook's order (the first that matches a part applies). */
    List<Detail> details(String set) {
        return details.stream().filter(d -> d.set().equals(set)).toList();
    }

    /** Every code set, in the codebook's order. */
    List<CodeSet> sets() {
        return List.copyOf(sets.values());
    }

    private static CodeSet reference(String name, String file, String key, String[] extra) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (CSVRecord r : read("/polku/datasets/" + file)) {
            String code = r.get(key);
            values.putIfAbsent(code, new Value(code, r.get("name_fi"), r.get("name_en"), Pattern.compile(Pattern.quote(code) + "$")));
        }
        if (extra != null) {
            values.put(extra[0], new Value(extra[0], extra[1], extra[2], Pattern.compile(Pattern.quote(extra[0]) + "$")));
        }
        return new CodeSet(name, false, List.copyOf(values.values()));
    }

    private static List<CSVRecord> read(String resource) {
        try (InputStream in = Codebook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + resource);
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }

    /** The pooled region of the k rule, with its names. */
    private static final class KAnonymityOther {
        static final String[] REGION = {fi.polku.privacy.KAnonymity.OTHER_REGION, "muut alueet (yhdistetty)", "other regions (pooled)"};
    }
}
