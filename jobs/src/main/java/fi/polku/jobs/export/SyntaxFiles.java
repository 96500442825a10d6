package fi.polku.jobs.export;

import fi.polku.contract.Column;
import fi.polku.contract.ColumnType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ready-to-run syntax generated from the codebook: {@code lue_aineisto.sps} (SPSS: GET DATA from the csv-fi
 * files with semicolon and decimal comma, VARIABLE LABELS, VALUE LABELS in the codebook's order, MISSING VALUES
 * for blank codes, VARIABLE LEVEL, for each ordered text code a numeric ordinal {@code <column>_jarjestys} (1, 2, …
 * in the codebook's order, same labels), then SAVE OUTFILE {@code <table>.sav}; written to run in both IBM SPSS
 * and GNU PSPP) and {@code lue_aineisto.R} (base R: reads the plain CSVs into a list of
 * data frames with every coded column a factor, ordered where the codebook says so, labelled in Finnish or, with
 * {@code polku_kieli <- "en"}, English, and each column's label in {@code attr(x, "label")}). Integers that
 * can exceed 15 digits ({@code boot_seed}) are read as text; booleans as logical (R) or as the strings true/false
 * with value labels (SPSS).
 */
final class SyntaxFiles {
    static final String SPSS = "lue_aineisto.sps";
    static final String R = "lue_aineisto.R";

    private SyntaxFiles() {
    }

    /** The SPSS syntax for every table. */
    static String spss(List<ExportFiles.Written> tables, Codebook codebook) {
        StringBuilder b = new StringBuilder();
        b.append("* Polku: opinnäytetyöaineiston luku SPSS:ään (generoitu koodikirjasta; ks. KOODIKIRJA.md).\n")
                .append("* Vaihda CD-komentoon kansio, jossa tämä tiedosto ja csv-fi/ ovat. Jokainen taulu tallentuu sinne\n")
                .append("* SPSS-tiedostoksi (taulu.sav) muuttujien ja arvojen nimikkeineen.\n")
                .append("* Generated from the codebook. Polku's tests run it in GNU PSPP and check it against the codebook;\n")
                .append("* it has not been run in IBM SPSS Statistics.\n")
                .append("CD '.'.\n")
                .append("SET DECIMAL=COMMA.\n\n");
        for (ExportFiles.Written w : tables) {
            String table = w.table().name();
            b.append("* Taulu ").append(table).append(".\n");
            b.append("GET DATA\n  /TYPE=TXT\n  /FILE='csv-fi/").append(table).append(".csv'\n  /ENCODING='UTF8'\n")
                    .append("  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n  /FIRSTCASE=2\n  /DELIMITERS=\";\"\n  /QUALIFIER='\"'\n")
                    .append("  /VARIABLES=\n");
            for (Column c : w.table().columns()) {
                b.append("    ").append(c.name()).append(' ').append(spssFormat(w, c)).append('\n');
            }
            b.append(".\nDATASET NAME ").append(table).append(".\n");
            b.append("VARIABLE LABELS\n");
            for (Column c : w.table().columns()) {
                b.append("  ").append(c.name()).append(' ').append(quote(label(codebook, table, c))).append('\n');
            }
            b.append(".\n");
            for (Column c : w.table().columns()) {
                Codebook.CodeSet set = set(codebook, table, c);
                if (set == null) {
                    continue;
                }
                b.append("VALUE LABELS ").append(c.name());
                boolean numeric = c.type() == ColumnType.INT32 || c.type() == ColumnType.INT64;
                for (Codebook.Value v : set.values()) {
                    b.append("\n  ").append(numeric ? v.code() : quote(v.code())).append(' ').append(quote(v.labelFi()));
                }
                b.append(".\n");
                if (c.nullable() && !numeric) {
                    b.append("MISSING VALUES ").append(c.name()).append(" ('').\n");
                }
                if (set.ordered() && !numeric) {
                    ordinal(b, c, set, label(codebook, table, c));
                }
            }
            String nominal = names(w, codebook, "NOMINAL");
            String ordinal = names(w, codebook, "ORDINAL");
            String scale = names(w, codebook, "SCALE");
            b.append(nominal.isEmpty() ? "" : "VARIABLE LEVEL " + nominal + " (NOMINAL).\n")
                    .append(ordinal.isEmpty() ? "" : "VARIABLE LEVEL " + ordinal + " (ORDINAL).\n")
                    .append(scale.isEmpty() ? "" : "VARIABLE LEVEL " + scale + " (SCALE).\n");
            b.append("SAVE OUTFILE='").append(table).append(".sav'.\n\n");
        }
        return b.toString();
    }

    /** The R script that reads every table. */
    static String r(List<ExportFiles.Written> tables, Codebook codebook) {
        StringBuilder b = new StringBuilder();
        b.append("# Polku: opinnäytetyöaineiston luku R:ään (generoitu koodikirjasta; ks. KOODIKIRJA.md).\n")
                .append("# Käyttö / use: setwd(\"<aineiston kansio>\"); source(\"lue_aineisto.R\")  ->  polku$sessions, ...\n")
                .append("# Nimikkeet suomeksi; englanniksi: polku_kieli <- \"en\" ennen source()-kutsua.\n")
                .append("if (!exists(\"polku_kansio\")) polku_kansio <- \".\"\n")
                .append("if (!exists(\"polku_kieli\")) polku_kieli <- \"fi\"\n")
                .append("polku_tekija <- function(x, koodit, fi, en, jarjestetty, nimi) {\n")
                .append("  outo <- setdiff(unique(as.character(x[!is.na(x)])), koodit)\n")
                .append("  if (length(outo) > 0) stop(nimi, \": koodeja, joita koodikirjassa ei ole / codes not in the codebook: \",")
                .append(" paste(outo, collapse = \", \"))\n")
                .append("  factor(as.character(x), levels = koodit, labels = if (polku_kieli == \"en\") en else fi,")
                .append(" ordered = jarjestetty)\n}\n")
                .append("polku_nimike <- function(d, fi, en) {\n")
                .append("  nimet <- if (polku_kieli == \"en\") en else fi\n")
                .append("  for (n in names(nimet)) attr(d[[n]], \"label\") <- nimet[[n]]\n  d\n}\n")
                .append("polku <- list()\n\n");
        for (ExportFiles.Written w : tables) {
            String table = w.table().name();
            String classes = w.table().columns().stream().map(c -> c.name() + " = \"" + rClass(c) + "\"").collect(Collectors.joining(",\n    "));
            b.append("# Taulu ").append(table).append('\n');
            b.append("d <- utils::read.csv(file.path(polku_kansio, \"csv\", \"").append(table).append(".csv\"), encoding = \"UTF-8\",")
                    .append(" fileEncoding = \"UTF-8\", na.strings = \"\", check.names = FALSE,\n  colClasses = c(\n    ").append(classes)
                    .append("))\n");
            for (Column c : w.table().columns()) {
                Codebook.CodeSet set = set(codebook, table, c);
                if (set == null || c.type() == ColumnType.BOOLEAN) {
                    continue;
                }
                b.append("d[[\"").append(c.name()).append("\"]] <- polku_tekija(d[[\"").append(c.name()).append("\"]],\n  ")
                        .append(vector(set.values().stream().map(Codebook.Value::code).toList())).append(",\n  ")
                        .append(vector(set.values().stream().map(Codebook.Value::labelFi).toList())).append(",\n  ")
                        .append(vector(set.values().stream().map(Codebook.Value::labelEn).toList())).append(", ")
                        .append(set.ordered() ? "TRUE" : "FALSE").append(", \"").append(table).append('.').append(c.name()).append("\")\n");
            }
            b.append("d <- polku_nimike(d,\n  c(").append(w.table().columns().stream()
                    .map(c -> "`" + c.name() + "` = " + rString(label(codebook, table, c))).collect(Collectors.joining(", ")))
                    .append("),\n  c(").append(w.table().columns().stream()
                    .map(c -> "`" + c.name() + "` = " + rString(codebook.column(table, c.name()).orElseThrow().labelEn()))
                    .collect(Collectors.joining(", "))).append("))\n");
            b.append("polku[[\"").append(table).append("\"]] <- d\n\n");
        }
        b.append("rm(d)\n");
        return b.toString();
    }

    /** The suffix of the numeric companion of an ordered text code: SPSS sorts text alphabetically, not in the codebook's order. */
    static final String ORDER_SUFFIX = "_jarjestys";

    /** {@code <column>_jarjestys}: the codes of an ordered set as 1, 2, … in the codebook's order, with the same labels, ordinal. */
    private static void ordinal(StringBuilder b, Column c, Codebook.CodeSet set, String label) {
        String name = c.name() + ORDER_SUFFIX;
        b.append("RECODE ").append(c.name());
        for (int i = 0; i < set.values().size(); i++) {
            b.append(" (").append(quote(set.values().get(i).code())).append('=').append(i + 1).append(')');
        }
        b.append(" INTO ").append(name).append(".\nFORMATS ").append(name).append(" (F2.0).\nVARIABLE LABELS ").append(name).append(' ')
                .append(quote(label + " (järjestysnumero)")).append(".\nVALUE LABELS ").append(name);
        for (int i = 0; i < set.values().size(); i++) {
            b.append("\n  ").append(i + 1).append(' ').append(quote(set.values().get(i).labelFi()));
        }
        b.append(".\nVARIABLE LEVEL ").append(name).append(" (ORDINAL).\n");
    }

    /**
     * The measurement level of a column: ORDINAL for an ordered numeric code, NOMINAL for text (an ordered text code
     * gets its ordinal numeric companion, {@link #ORDER_SUFFIX}) and other codes, else SCALE.
     */
    static String level(Codebook codebook, String table, Column c) {
        Codebook.CodeSet set = set(codebook, table, c);
        if (set != null) {
            return set.ordered() && c.type() != ColumnType.STRING ? "ORDINAL" : "NOMINAL";
        }
        return ExcelText.textColumn(c.type(), c.name()) || c.type() == ColumnType.BOOLEAN ? "NOMINAL" : "SCALE";
    }

    private static String names(ExportFiles.Written w, Codebook codebook, String level) {
        return w.table().columns().stream().filter(c -> level(codebook, w.table().name(), c).equals(level)).map(Column::name)
                .collect(Collectors.joining(" "));
    }

    private static Codebook.CodeSet set(Codebook codebook, String table, Column c) {
        return codebook.codes(table, c.name()).orElse(null);
    }

    private static String label(Codebook codebook, String table, Column c) {
        return codebook.column(table, c.name()).orElseThrow(() -> new IllegalStateException(
                "codebook_columns.csv does not label " + table + "." + c.name())).labelFi();
    }

    /** The SPSS input format: A(width) for text, F for numbers (decimal comma by SET DECIMAL). */
    static String spssFormat(ExportFiles.Written w, Column c) {
        if (ExcelText.textColumn(c.type(), c.name()) || c.type() == ColumnType.BOOLEAN || c.type() == ColumnType.DATE) {
            return "A" + Math.min(32767, Math.max(w.width(c.name()), c.type() == ColumnType.BOOLEAN ? 5 : 1));
        }
        return c.type() == ColumnType.DOUBLE ? "F40.10" : "F20.0";
    }

    private static String rClass(Column c) {
        if (ExcelText.textColumn(c.type(), c.name())) {
            return "character";
        }
        return switch (c.type()) {
            case INT32 -> "integer";
            case INT64, DOUBLE -> "numeric";
            case BOOLEAN -> "logical";
            default -> "character";
        };
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String vector(List<String> values) {
        return "c(" + values.stream().map(SyntaxFiles::rString).collect(Collectors.joining(", ")) + ")";
    }

    private static String rString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
