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
        private final List<Map<String, String>> charts = new ArrayList<>();
        private final List<Map<String, Object>> tables = new ArrayList<>();
        private final List<String> paragraphs = new ArrayList<>();
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

        /** A chart with its visible caption. */
        Section chart(String svg, String caption) {
            charts.add(Map.of("svg", svg, "caption", caption));
            return this;
        }

        Section table(HtmlTable table) {
            if (!table.isEmpty()) {
                tables.add(table.scope());
            }
            return this;
        }

        Section paragraph(String text) {
            paragraphs.add(text);
            return this;
        }

        Section warning(String text) {
            warnings.add(text);
            return this;
        }

        int warningCount() {
            return warnings.size();
        }

        /** The line above the warnings (they come from the tables, in English). */
        Section warningsSummary(String text) {
            warningsSummary = text;
            return this;
        }

        Map<String, Object> scope() {
            Map<String, Object> s = new HashMap<>();
            s.put("id", id);
            s.put("heading", heading);
            s.put("intro", intro);
            s.put("charts", charts);
            s.put("tables", tables);
            s.put("paragraphs", paragraphs);
            s.put("warnings", warnings);
            s.put("hasWarnings", !warnings.isEmpty());
            s.put("warningsSummary", warningsSummary);
            return s;
        }
    }

    private final Map<String, Object> scope = new HashMap<>();
    private final List<Map<String, Object>> sections = new ArrayList<>();
    private final List<Map<String, String>> nav = new ArrayList<>();
    private final List<String> footnotes = new ArrayList<>();

    Page(Messages m, String title, String project, String asOf, String generated, String banner) {
        scope.put("lang", m.lang());
        scope.put("title", title);
        scope.put("project", project);
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
        sections.add(section.scope());
        return this;
    }

    Page footnote(String text) {
        footnotes.add(text);
        return this;
    }

    Map<String, Object> scope() {
        Map<String, Object> s = new HashMap<>(scope);
        s.put("nav", nav);
        s.put("sections", sections);
        s.put("footnotes", footnotes);
        return s;
    }
}
