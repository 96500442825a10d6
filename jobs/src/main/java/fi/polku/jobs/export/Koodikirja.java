package fi.polku.jobs.export;

import fi.polku.contract.Column;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code KOODIKIRJA.md} and {@code KOODIKIRJA.html}: the dataset's Finnish codebook, generated from the codebook
 * ({@link Codebook}: Finnish labels, meanings and value labels) and the data dictionary (type and unit), so
 * that it says nothing the two do not. Every table and column with its Finnish label, type, unit and meaning;
 * every code set with its codes, Finnish and English labels, in the codebook's order. A Finnish unit comes
 * from the codebook's {@code unit} set; an English unit with no Finnish one stops the export.
 */
final class Koodikirja {
    /** Why the change categories are labelled as they are. */
    static final String CATEGORIES = "Muutosluokat (change_category) ovat järjestyksessä parhaasta huonoimpaan. Niiden"
            + " selitteissä on aina sana luotettavasti parantunut tai heikentynyt, koska pelkkä \"toipunut\" luetaan arkikielessä"
            + " helposti heikommaksi kuin \"parantunut\": recovered = luotettavasti parantunut ja toipunut kliiniseltä alueelta"
            + " (paras), improved = luotettavasti parantunut, ei toipunut.";

    private Koodikirja() {
    }

    /** The codebook as Markdown. */
    static String markdown(DataPackage.About about, List<ExportFiles.Written> tables, Codebook codebook, DataDictionary dictionary) {
        StringBuilder b = new StringBuilder();
        b.append("# Koodikirja: ").append(about.project()).append("\n\n");
        if (about.synthetic()) {
            b.append("**SYNTEETTINEN AINEISTO: ei oikeita asiakkaita.**\n\n");
        }
        b.append(intro(about)).append("\n\n");
        Set<Codebook.CodeSet> used = new LinkedHashSet<>();
        for (ExportFiles.Written w : tables) {
            b.append("## Taulu ").append(w.table().name()).append("\n\n");
            b.append("| muuttuja | nimike | tyyppi | yksikkö | merkitys | koodit |\n|---|---|---|---|---|---|\n");
            for (Column c : w.table().columns()) {
                Codebook.Entry e = entry(codebook, w.table().name(), c);
                Codebook.CodeSet set = codebook.codes(w.table().name(), c.name()).orElse(null);
                if (set != null) {
                    used.add(set);
                }
                b.append("| `").append(c.name()).append("` | ").append(cell(e.labelFi())).append(" | ").append(type(c)).append(" | ")
                        .append(cell(unit(codebook, dictionary, w.table().name(), c))).append(" | ").append(cell(e.meaningFi()))
                        .append(c.nullable() ? " (voi olla tyhjä)" : "").append(" | ")
                        .append(set == null ? "" : "[" + set.name() + "](#koodit-" + set.name() + ")").append(" |\n");
            }
            b.append("\n");
        }
        b.append("## Koodit\n\nKoodit ovat aineistossa englanninkielisinä lyhenteinä; alla niiden suomenkieliset ja englanninkieliset"
                + " selitteet. Järjestys on sama kuin R- ja SPSS-tiedostoissa; *järjestetty* tarkoittaa, että järjestys on"
                + " arvojärjestys (R:ssä ordered factor, SPSS:ssä ordinaalinen). " + CATEGORIES + "\n\n");
        for (Codebook.CodeSet set : used) {
            b.append("### Koodit ").append(set.name()).append("\n\n").append(set.ordered() ? "Järjestetty.\n\n" : "");
            b.append("| koodi | suomeksi | englanniksi |\n|---|---|---|\n");
            for (Codebook.Value v : set.values()) {
                b.append("| `").append(v.code()).append("` | ").append(cell(v.labelFi())).append(" | ").append(cell(v.labelEn())).append(" |\n");
            }
            b.append("\n");
        }
        return b.toString();
    }

    /** The same codebook as one self-contained HTML page. */
    static String html(DataPackage.About about, List<ExportFiles.Written> tables, Codebook codebook, DataDictionary dictionary) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"fi\">\n<head>\n<meta charset=\"utf-8\">\n<title>Koodikirja: ").append(esc(about.project()))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;line-height:1.4}"
                        + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #bbb;padding:.25em .5em;"
                        + "vertical-align:top;text-align:left}code{font-size:.95em}</style>\n</head>\n<body>\n");
        b.append("<h1>Koodikirja: ").append(esc(about.project())).append("</h1>\n");
        if (about.synthetic()) {
            b.append("<p><strong>SYNTEETTINEN AINEISTO: ei oikeita asiakkaita.</strong></p>\n");
        }
        b.append("<p>").append(esc(intro(about))).append("</p>\n");
        Set<Codebook.CodeSet> used = new LinkedHashSet<>();
        for (ExportFiles.Written w : tables) {
            b.append("<h2 id=\"taulu-").append(w.table().name()).append("\">Taulu ").append(w.table().name()).append("</h2>\n<table>\n")
                    .append("<tr><th>muuttuja</th><th>nimike</th><th>tyyppi</th><th>yksikkö</th><th>merkitys</th><th>koodit</th></tr>\n");
            for (Column c : w.table().columns()) {
                Codebook.Entry e = entry(codebook, w.table().name(), c);
                Codebook.CodeSet set = codebook.codes(w.table().name(), c.name()).orElse(null);
                if (set != null) {
                    used.add(set);
                }
                b.append("<tr><td><code>").append(c.name()).append("</code></td><td>").append(esc(e.labelFi())).append("</td><td>")
                        .append(type(c)).append("</td><td>").append(esc(unit(codebook, dictionary, w.table().name(), c))).append("</td><td>")
                        .append(esc(e.meaningFi())).append(c.nullable() ? " (voi olla tyhjä)" : "").append("</td><td>")
                        .append(set == null ? "" : "<a href=\"#koodit-" + set.name() + "\">" + set.name() + "</a>").append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("<h2>Koodit</h2>\n<p>").append(esc(CATEGORIES)).append("</p>\n");
        for (Codebook.CodeSet set : used) {
            b.append("<h3 id=\"koodit-").append(set.name()).append("\">Koodit ").append(set.name()).append("</h3>\n")
                    .append(set.ordered() ? "<p>Järjestetty.</p>\n" : "")
                    .append("<table>\n<tr><th>koodi</th><th>suomeksi</th><th>englanniksi</th></tr>\n");
            for (Codebook.Value v : set.values()) {
                b.append("<tr><td><code>").append(esc(v.code())).append("</code></td><td>").append(esc(v.labelFi())).append("</td><td>")
                        .append(esc(v.labelEn())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static String intro(DataPackage.About about) {
        return "Hankkeen " + about.project() + " opinnäytetyöaineiston koodikirja (tilanne " + about.asOf() + "). Jokainen taulu on"
                + " kolmessa muodossa: csv/ (pilkku, desimaalipiste), csv-fi/ (suomalainen Excel: puolipiste, desimaalipilkku) ja"
                + " parquet/. Muuttujien nimet ja koodit ovat englanninkielisiä lyhenteitä; nimikkeet, merkitykset ja koodien"
                + " selitteet ovat tässä suomeksi. Tilasarakkeissa (esim. status) on lyhyt koodi, ja sen perässä oleva"
                + " _detail-sarake selittää sen silloin kun koodi ei yksin riitä, suomeksi tai englanniksi asetuksen export.language mukaan"
                + " (oletus suomi; selitteet tiedostosta codebook_details.csv, ja osa, jolle selitettä ei ole, on englanniksi merkinnällä"
                + " (englanniksi)). Totuusarvot"
                + " on kirjoitettu true (kyllä) ja false (ei); tyhjä solu tarkoittaa puuttuvaa tietoa. Aineiston voi lukea"
                + " valmiiksi nimettynä R:ään (lue_aineisto.R) ja SPSS:ään (lue_aineisto.sps). Englanninkielinen tietosanakirja:"
                + " DATA_DICTIONARY.md.";
    }

    private static Codebook.Entry entry(Codebook codebook, String table, Column c) {
        return codebook.column(table, c.name()).orElseThrow(() -> new IllegalStateException(
                "codebook_columns.csv does not label " + table + "." + c.name()));
    }

    /** The Finnish unit of a column: the dictionary's English unit through the codebook's unit set. */
    static String unit(Codebook codebook, DataDictionary dictionary, String table, Column c) {
        String en = dictionary.column(table, c.name()).map(DataDictionary.Entry::unit).orElse("");
        if (en.isEmpty()) {
            return "";
        }
        return codebook.set("unit").flatMap(s -> s.value(en)).map(Codebook.Value::labelFi).orElseThrow(() -> new IllegalStateException(
                "codebook_values.csv has no Finnish name for the unit '" + en + "' of " + table + "." + c.name()));
    }

    private static String type(Column c) {
        return switch (c.type()) {
            case STRING -> "teksti";
            case INT32, INT64 -> c.name().endsWith("_seed") ? "kokonaisluku (tekstinä)" : "kokonaisluku";
            case DOUBLE -> "desimaaliluku";
            case BOOLEAN -> "totuusarvo";
            case DATE -> "päivämäärä";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
