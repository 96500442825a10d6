package fi.polku.jobs.report;

import fi.polku.jobs.config.Label;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.output.Manifest;
import fi.polku.region.RegionTable;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * What every page shares: messages, disclosure rule, data, region names, the project's regions and their start
 * dates, and the provenance (inputs with checksums, config, version, run).
 */
record ReportContext(Messages m, Disclosure disclosure, ReportData data, RegionTable regionTable, List<String> regions,
                     java.util.Map<String, java.time.LocalDate> starts, Label.Shown project, List<RunConfig.Break> breaks,
                     List<RunConfig.UnitCost> unitCosts,
                     String asOf, String generated,
                     boolean synthetic, List<Manifest.Input> inputs, String configFile, String configSha, String version,
                     String runId, String rciMethod, long seed) {

    String regionName(String code) {
        return regionTable.byCode(code).map(r -> m.lang().equals("fi") ? r.nameFi() : r.nameEn()).orElse(code);
    }

    /** The file a region's page is written to, relative to the overview. */
    static String regionFile(String code) {
        return "region-" + code + ".html";
    }

    /** The warnings of a table cell in the page's language ({@link Caveats}). */
    List<String> caveats(String warnings) {
        return Caveats.of(warnings, m);
    }

    String banner() {
        return synthetic ? m.text("banner.synthetic") : null;
    }

    Page page(String title, String currentHref) {
        Page p = new Page(m, title, project, asOf, generated, banner());
        p.link("index.html", m.text("nav.overview"), currentHref.equals("index.html"));
        for (String r : regions) {
            p.link(regionFile(r), regionName(r), currentHref.equals(regionFile(r)));
        }
        return p;
    }

    /**
     * Methods and caveats, suppression footnote and provenance, at the end of every page; before them, a section left
     * with nothing to show (few clients, or no data for it) says so rather than stand empty.
     */
    void finish(Page p) {
        for (Page.Section section : p.sections()) {
            if (section.isEmpty()) {
                section.paragraph(m.text("section.empty", disclosure.k()));
            }
            for (HtmlTable table : section.tables()) {
                if (table.showsNoFigure(m.text("cell.none"))) {
                    section.paragraph(m.text("table.allhidden", table.caption(), disclosure.k()));
                }
            }
        }
        p.section(new Page.Section("methods", m.text("section.methods"))
                .paragraph(m.text("methods.rci", rciMethod)).paragraph(m.text("methods.effect", Long.toString(seed)))
                .paragraph(m.text("methods.contrast")).paragraph(m.text("methods.effects")).paragraph(m.text("methods.pooling"))
                .paragraph(m.text("methods.suppression", disclosure.k())));
        p.section(ReliabilitySection.methods(this));
        p.section(Glossary.section(m));
        HtmlTable files = new HtmlTable(m.text("section.provenance"), m.text("col.dataset"), m.text("col.file"),
                m.text("col.rows"), m.text("col.sha"));
        for (Manifest.Input i : inputs) {
            files.row(HtmlTable.Cell.text(m.textOr("dataset." + i.dataset(), i.dataset())), HtmlTable.Cell.code(i.file()),
                    HtmlTable.Cell.number(m.count(i.rowsIn())), HtmlTable.Cell.code(i.sha256()));
        }
        p.section(new Page.Section("provenance", m.text("section.provenance")).table(files)
                .paragraph(m.text("provenance.config") + ":", configFile + " (SHA-256 " + configSha + ")")
                .paragraph(m.text("provenance.version") + ":", version).paragraph(m.text("provenance.run") + ":", runId));
        p.footnote(m.text("cell.suppressed.note", disclosure.k()));
    }

    static String s(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? null : v.toString();
    }

    static Double d(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    static long l(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** Whether the row's column holds this value. */
    static boolean same(Row r, String column, String value) {
        return value.equals(s(r, column));
    }
}
