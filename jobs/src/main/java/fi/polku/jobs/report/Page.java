package fi.polku.jobs.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One HTML page as the template sees it: head, banner, navigation, sections, footnotes. */
final class Page {
    /** A section: heading, intro, then charts, tables, paragraphs and a list of warnings, each optional. */
    static final class Section {
        private final String id;
        private final String heading;
        private String intro;
        private final List<Chart> charts = new ArrayList<>();
        private final List<String> chartCaptions = new ArrayList<>();
        private final List<HtmlTable> tables = new ArrayList<>();
        private final List<String> warningLangs = new ArrayList<>();
        private final List<Map<String, String>> paragraphs = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private String warningsSummary;

        Section(String id, String heading) {
            this.id = id;
            this.heading = heading;
        }

        Section intro(String text) {
            intro = text;
            return this;
        }

        /** A chart with its visible caption; its description and data table go under it. */
        Section chart(Chart chart, String caption) {
            charts.add(chart);
            chartCaptions.add(caption);
            return this;
        }

        Section table(HtmlTable table) {
            if (!table.isEmpty()) {
                tables.add(table);
            }
            return this;
        }

        List<Chart> charts() {
            return charts;
        }

        List<HtmlTable> tables() {
            return tables;
        }

        Section paragraph(String text) {
            paragraphs.add(Map.of("text", text));
            return this;
        }

        /** A paragraph ending in a name that is no language's words (a file, a version), marked {@code translate="no"}. */
        Section paragraph(String text, String code) {
            paragraphs.add(Map.of("text", text, "code", code));
            return this;
        }

        /** A paragraph ending in text of another language than the page's (e.g. a table's method note), marked with {@code lang}. */
        Section paragraph(String text, String foreign, String lang) {
            paragraphs.add(Map.of("text", text, "foreign", foreign, "lang", lang));
            return this;
        }

        Section warning(String text) {
            warnings.add(text);
            warningLangs.add("");
            return this;
        }

        /** A warning in another language than the page's, marked with {@code lang} (WCAG 3.1.2). */
        Section warning(String text, String lang) {
            warnings.add(text);
            warningLangs.add(lang);
            return this;
        }

        /** Whether the section shows nothing but its heading and intro (no chart, table, paragraph or warning). */
        boolean isEmpty() {
            return charts.isEmpty() && tables.isEmpty() && paragraphs.isEmpty() && warnings.isEmpty();
        }

        int warningCount() {
            return warnings.size();
        }

        /** The line above the warnings (they come from the tables, in English). */
        Section warningsSummary(String text) {
            warningsSummary = text;
            return this;
        }

        /** What the template reads; {@code chartFiles} are the chart's file names beside the page (no extension). */
        Map<String, Object> scope(List<String> chartFiles, Messages m) {
            List<Map<String, Object>> chartScopes = new ArrayList<>();
            for (int i = 0; i < charts.size(); i++) {
                Map<String, Object> c = new HashMap<>();
                c.put("svg", charts.get(i).svg());
                c.put("caption", chartCaptions.get(i));
                c.put("description", charts.get(i).description());
                c.put("data", charts.get(i).data().isEmpty() ? null : charts.get(i).data().scope());
                c.put("dataLabel", m.text("chart.data"));
                if (i < chartFiles.size()) {
                    c.put("svgHref", chartFiles.get(i) + ".svg");
                    c.put("pngHref", chartFiles.get(i) + ".png");
                    c.put("filesLabel", m.text("files.chart"));
                }
                chartScopes.add(c);
            }
            List<Map<String, Object>> tableScopes = new ArrayList<>();
            tables.forEach(t -> tableScopes.add(t.scope()));
            Map<String, Object> s = new HashMap<>();
            s.put("id", id);
            s.put("heading", heading);
            s.put("intro", intro);
            s.put("charts", chartScopes);
            s.put("tables", tableScopes);
            List<Map<String, String>> paragraphScopes = new ArrayList<>();
            for (Map<String, String> paragraph : paragraphs) {
                // Text in the page's own language needs no mark.
                paragraphScopes.add(m.lang().equals(paragraph.get("lang"))
                        ? Map.of("text", paragraph.get("text") + " " + paragraph.get("foreign")) : paragraph);
            }
            s.put("paragraphs", paragraphScopes);
            List<Map<String, String>> warningItems = new ArrayList<>();
            for (int i = 0; i < warnings.size(); i++) {
                String lang = warningLangs.get(i);
                warningItems.add(Map.of("text", warnings.get(i), "foreignLang", lang.equals(m.lang()) ? "" : lang));
            }
            s.put("warnings", warningItems);
            s.put("hasWarnings", !warnings.isEmpty());
            s.put("warningsSummary", warningsSummary);
            return s;
        }
    }

    private final Map<String, Object> scope = new HashMap<>();
    private final Messages m;
    private final List<Section> sections = new ArrayList<>();
    private String workbook;
    private String chartStem;
    private final List<Map<String, String>> nav = new ArrayList<>();
    private final List<String> footnotes = new ArrayList<>();

    Page(Messages m, String title, fi.polku.jobs.config.Label.Shown project, String asOf, String generated, String banner) {
        this.m = m;
        scope.put("lang", m.lang());
        scope.put("title", title);
        scope.put("project", project.text());
        scope.put("projectLang", project.lang());
        scope.put("asOf", asOf);
        scope.put("generated", generated);
        scope.put("banner", banner);
        scope.put("labelProject", m.text("meta.project"));
        scope.put("labelAsOf", m.text("meta.asof"));
        scope.put("labelGenerated", m.text("meta.generated"));
    }

    Page link(String href, String text, boolean current) {
        nav.add(current ? Map.of("href", href, "text", text, "current", "true") : Map.of("href", href, "text", text));
        return this;
    }

    Page section(Section section) {
        sections.add(section);
        return this;
    }

    List<Section> sections() {
        return sections;
    }

    List<String> footnotes() {
        return footnotes;
    }

    String title() {
        return (String) scope.get("title");
    }

    Messages messages() {
        return m;
    }

    /**
     * Links the page to its files beside it: the workbook of its tables and, for chart i (in page order),
     * {@code <chartStem>-<i>.svg} and {@code .png}.
     */
    Page files(String workbook, String chartStem) {
        this.workbook = workbook;
        this.chartStem = chartStem;
        return this;
    }

    /** The file names (without extension) of the page's charts, in page order. */
    List<String> chartFiles() {
        List<String> names = new ArrayList<>();
        int n = 0;
        for (Section s : sections) {
            for (int i = 0; i < s.charts().size(); i++) {
                names.add(chartStem + "-" + (++n));
            }
        }
        return names;
    }

    Page footnote(String text) {
        footnotes.add(text);
        return this;
    }

    Map<String, Object> scope() {
        Map<String, Object> s = new HashMap<>(scope);
        s.put("nav", nav);
        List<Map<String, Object>> sectionScopes = new ArrayList<>();
        List<String> files = chartStem == null ? List.of() : chartFiles();
        int from = 0;
        for (Section section : sections) {
            int to = from + section.charts().size();
            sectionScopes.add(section.scope(files.isEmpty() ? List.of() : files.subList(from, to), m));
            from = to;
        }
        s.put("sections", sectionScopes);
        if (workbook != null) {
            s.put("workbook", workbook);
            s.put("workbookLabel", m.text("files.workbook"));
        }
        s.put("footnotes", footnotes);
        return s;
    }
}
