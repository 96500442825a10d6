package fi.polku.jobs.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.polku.contract.Column;
import fi.polku.contract.ColumnType;
import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.config.ExportSettings;
import fi.polku.jobs.output.Manifest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The export's {@code datapackage.json}: a Frictionless Tabular Data Package (specs.frictionlessdata.io) with
 * one resource per table and format (CSV, Finnish-Excel CSV, Parquet), each CSV with its dialect, size and
 * SHA-256; field types, required flags, descriptions and units (a custom {@code unit} property) from the data
 * dictionary; English and Finnish titles and Finnish descriptions from the codebook ({@link Codebook}), and for
 * every coded column its codes as an {@code enum} constraint and ordered Frictionless v2 {@code categories}
 * ({@code value}, Finnish {@code label}, English {@code polku:label_en}); licence, sources and Polku's provenance, disclosure summary and synthetic flag under
 * {@code polku}.
 */
final class DataPackage {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, List<String>> PRIMARY_KEYS = Map.of(
            "sessions", List.of("episode_key", "respondent", "instrument", "session_no"),
            "trajectories", List.of("episode_key", "respondent", "instrument"),
            "domain_change", List.of("episode_key", "respondent", "domain"),
            "regions", List.of("region"));

    /** Everything the package says about the dataset besides its tables. */
    record About(String name, String title, String project, String asOf, boolean synthetic, ExportSettings.Licence licence,
                 ExportSettings settings, String runId, String polkuVersion, List<Manifest.Input> inputs,
                 ObjectNode disclosure) {
    }

    private DataPackage() {
    }

    static String json(About about, List<ExportFiles.Written> tables, DataDictionary dictionary, Codebook codebook) {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", "tabular-data-package");
        root.put("name", about.name());
        root.put("title", about.title());
        root.put("description", (about.synthetic() ? "SYNTHETIC data (not real clients). " : "")
                + "Disclosure-controlled dataset of " + about.project() + " for thesis work, exported by Polku: FIT sessions, "
                + "client change trajectories, 3X10D domain change and region tables. See README.md (English) and LUEMINUT.md "
                + "(suomeksi).");
        root.put("version", about.asOf());
        ArrayNode licences = root.putArray("licenses");
        licences.addObject().put("name", about.licence().name()).put("title", about.licence().title()).put("path", about.licence().path());
        ArrayNode sources = root.putArray("sources");
        sources.addObject().put("title", about.synthetic() ? "Polku's synthetic demo generator (polku generate)"
                : "FIT and 3X10D measurements of the project's clients, anonymised by the wellbeing services counties");
        sources.addObject().put("title", "THL, Sotkanet indicator bank (regional statistics)").put("path", "https://sotkanet.fi/")
                .put("license", "CC-BY-4.0");
        root.putArray("keywords").add("child protection").add("lastensuojelu").add("FIT").add("ORS").add("3X10D")
                .add("outcome measurement");
        ObjectNode polku = root.putObject("polku");
        polku.put("synthetic", about.synthetic());
        polku.put("project", about.project());
        polku.put("as_of", about.asOf());
        polku.put("run_id", about.runId());
        polku.put("polku_version", about.polkuVersion());
        ArrayNode inputs = polku.putArray("inputs");
        for (Manifest.Input i : about.inputs()) {
            inputs.addObject().put("dataset", i.dataset()).put("file", i.file()).put("sha256", i.sha256()).put("rows", i.rowsIn())
                    .put("synthetic", i.synthetic());
        }
        polku.set("disclosure", about.disclosure());
        ArrayNode resources = root.putArray("resources");
        for (ExportFiles.Written w : tables) {
            resources.add(resource(w.table(), w.table().name(), w.csv(), "csv", ',', '.', "utf-8", w.rows(), about, dictionary, codebook));
            resources.add(resource(w.table(), w.table().name() + "-excel-fi", w.csvFi(), "csv", ';', ',', "utf-8-sig", w.rows(), about,
                    dictionary, codebook));
            resources.add(resource(w.table(), w.table().name() + "-parquet", w.parquet(), "parquet", ',', '.', null, w.rows(), about,
                    dictionary, codebook));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode resource(TableSchema table, String name, ExportFiles.FileFacts file, String format, char delimiter,
                                       char decimal, String encoding, long rows, About about, DataDictionary dictionary, Codebook codebook) {
        ObjectNode r = JSON.createObjectNode();
        r.put("profile", "tabular-data-resource");
        r.put("name", name);
        r.put("path", file.path());
        r.put("format", format);
        r.put("mediatype", format.equals("csv") ? "text/csv" : "application/vnd.apache.parquet");
        if (encoding != null) {
            r.put("encoding", encoding);
        }
        r.put("bytes", file.bytes());
        if (file.sha256() != null) {
            r.put("hash", "sha256:" + file.sha256());
        }
        r.put("polku:rows", rows);
        if (format.equals("csv")) {
            r.putObject("dialect").put("delimiter", String.valueOf(delimiter)).put("lineTerminator", "\n").put("quoteChar", "\"")
                    .put("doubleQuote", true).put("header", true);
        }
        ObjectNode schema = r.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (Column c : table.columns()) {
            ObjectNode f = fields.addObject();
            f.put("name", c.name());
            f.put("type", type(table, c, about.settings()));
            if (c.type() == ColumnType.DOUBLE && decimal != '.') {
                f.put("decimalChar", String.valueOf(decimal));
            }
            DataDictionary.Entry e = dictionary.column(table.name(), c.name())
                    .orElseThrow(() -> new IllegalStateException("DATA_DICTIONARY.md does not document " + table.name() + "." + c.name()));
            Codebook.Entry label = codebook.column(table.name(), c.name())
                    .orElseThrow(() -> new IllegalStateException("codebook_columns.csv does not label " + table.name() + "." + c.name()));
            f.put("title", label.labelEn());
            f.put("description", e.meaning());
            f.put("polku:title_fi", label.labelFi());
            f.put("polku:description_fi", label.meaningFi());
            if (!e.unit().isEmpty()) {
                f.put("unit", e.unit());
            }
            ObjectNode constraints = JSON.createObjectNode();
            if (!c.nullable()) {
                constraints.put("required", true);
            }
            if (c.type() == ColumnType.BOOLEAN) {
                f.putArray("trueValues").add("true");
                f.putArray("falseValues").add("false");
            }
            Codebook.CodeSet set = codebook.codes(table.name(), c.name()).orElse(null);
            if (set != null && c.type() != ColumnType.BOOLEAN) {
                ArrayNode categories = f.putArray("categories");
                ArrayNode allowed = constraints.putArray("enum");
                for (Codebook.Value v : set.values()) {
                    ObjectNode category = categories.addObject();
                    if (c.type() == ColumnType.STRING) {
                        category.put("value", v.code());
                        allowed.add(v.code());
                    } else {
                        category.put("value", Long.parseLong(v.code()));
                        allowed.add(Long.parseLong(v.code()));
                    }
                    category.put("label", v.labelFi()).put("polku:label_en", v.labelEn());
                }
                f.put("categoriesOrdered", set.ordered());
            }
            if (!constraints.isEmpty()) {
                f.set("constraints", constraints);
            }
        }
        schema.putArray("missingValues").add("");
        List<String> key = PRIMARY_KEYS.get(table.name());
        if (key != null) {
            ArrayNode pk = schema.putArray("primaryKey");
            key.forEach(pk::add);
        }
        return r;
    }

    /** Frictionless field type; a microdata date coarsened to a month is a {@code yearmonth}. */
    private static String type(TableSchema table, Column c, ExportSettings settings) {
        if (ExportTables.microdata().stream().anyMatch(m -> m.name().equals(table.name())) && c.name().endsWith("_period") && settings.dates() == ExportSettings.Dates.MONTH) {
            return "yearmonth";
        }
        return switch (c.type()) {
            case STRING -> "string";
            case INT32, INT64 -> "integer";
            case DOUBLE -> "number";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
        };
    }

    /** A package name as the spec wants it: lower case, digits, '-', '_', '.'. */
    static String name(String project, String asOf) {
        String slug = java.text.Normalizer.normalize(project, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "polku-" + slug + "-" + asOf;
    }
}
