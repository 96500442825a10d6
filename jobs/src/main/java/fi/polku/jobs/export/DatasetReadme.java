package fi.polku.jobs.export;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import fi.polku.jobs.config.ExportSettings;
import fi.polku.jobs.output.Manifest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The dataset's {@code README.md} (English) and {@code LUEMINUT.md} (Finnish), from Mustache templates. */
final class DatasetReadme {
    enum Language { FI, EN }

    private static final Map<String, String[]> ABOUT = Map.of(
            "sessions", new String[] {"one FIT administration (ORS, CORS, SRS …) at one meeting", "yksi FIT-mittarin täyttö yhdellä tapaamisella"},
            "trajectories", new String[] {"one episode × respondent × instrument: intake, latest, change, reliable change",
                "yksi episodi × vastaaja × mittari: alku, viimeisin, muutos, luotettava muutos"},
            "domain_change", new String[] {"one episode × respondent × 3X10D domain: first and last rating, change",
                "yksi episodi × vastaaja × 3X10D-ulottuvuus: ensimmäinen ja viimeinen arvio, muutos"},
            "region_outcomes", new String[] {"one region × instrument × respondent × arm × period: change, effect sizes, shares",
                "yksi alue × mittari × vastaaja × ryhmä × jakso: muutos, vaikutuskoot, osuudet"},
            "region_rates", new String[] {"one region × indicator × age group × period: count and rate per 1 000",
                "yksi alue × indikaattori × ikäryhmä × jakso: lukumäärä ja osuus 1 000:ta kohden"},
            "region_effects", new String[] {"one project region × indicator × age group × method: effect estimate",
                "yksi hankealue × indikaattori × ikäryhmä × menetelmä: vaikutusarvio"},
            "pooled_effects", new String[] {"one instrument × respondent × arm × method: the project regions' g_av pooled by"
                + " random-effects meta-analysis", "yksi mittari × vastaaja × ryhmä × menetelmä: hankealueiden g_av yhdistettynä"
                + " satunnaisvaikutusten meta-analyysillä"},
            "project_indicators", new String[] {"one region × intake period (and all): reach against targets, coverage,"
                + " skipped measures, dropout", "yksi alue × aloitusjakso (ja all): tavoitetut perheet tavoitteeseen nähden, kattavuus,"
                + " ohitetut mittaukset, keskeyttäneet"},
            "regions", new String[] {"one region code with its names", "yksi aluekoodi ja sen nimet"});

    private DatasetReadme() {
    }

    static String render(Language language, DataPackage.About about, List<ExportFiles.Written> tables, DisclosureReport disclosure) {
        int lang = language == Language.EN ? 0 : 1;
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", about.title());
        scope.put("synthetic", about.synthetic());
        scope.put("project", about.project());
        scope.put("asOf", about.asOf());
        scope.put("polkuVersion", about.polkuVersion());
        scope.put("runId", about.runId());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ExportFiles.Written w : tables) {
            rows.add(Map.of("name", w.table().name(), "rows", String.format(Locale.ROOT, "%,d", w.rows()).replace(",", lang == 0 ? "," : " "),
                    "about", ABOUT.get(w.table().name())[lang]));
        }
        scope.put("tables", rows);
        scope.put("k", about.settings().k());
        scope.put("smallest", disclosure.result().smallest());
        scope.put("pooled", disclosure.publishable(disclosure.result().pooled()));
        scope.put("suppressed", disclosure.publishable(disclosure.result().suppressed()));
        scope.put("dates", about.settings().dates().code());
        scope.put("datesFi", about.settings().dates() == ExportSettings.Dates.MONTH ? "kuukausiksi" : "lukukausiksi");
        scope.put("blankedSummary", disclosure.blankedRows().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        scope.put("licenceTitle", about.licence().title());
        scope.put("licenceName", about.licence().name());
        scope.put("licencePath", about.licence().path());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Manifest.Input i : about.inputs()) {
            inputs.add(Map.of("dataset", i.dataset(), "file", i.file(), "rows", i.rowsIn(), "sha256", i.sha256()));
        }
        scope.put("inputs", inputs);
        Mustache template = new DefaultMustacheFactory("fi/polku/jobs/export") {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value); // Markdown, not HTML: nothing to escape
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }.compile("readme." + language.name().toLowerCase(Locale.ROOT) + ".mustache");
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }
}
