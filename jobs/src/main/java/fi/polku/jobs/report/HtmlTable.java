package fi.polku.jobs.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A table as the page template draws it: caption, header and rows of cells; the first cell of a row is its row
 * header ({@code <th scope="row">}). Text is escaped by the template. The same model is written to the page's
 * workbook by {@link Workbook}.
 */
final class HtmlTable {
    /**
     * One cell.
     *
     * @param attributes extra attributes, written as they are: built only by {@link Disclosure} from numbers
     * @param numeric    right-aligned
     */
    record Cell(String text, String attributes, boolean numeric) {
        static Cell text(String text) {
            return new Cell(text, "", false);
        }

        static Cell number(String text, String attributes) {
            return new Cell(text, attributes, true);
        }

        static Cell number(String text) {
            return new Cell(text, "", true);
        }

        /** Text in another language than the page's (e.g. a user's label), marked with {@code lang} (WCAG 3.1.2). */
        static Cell text(String text, String lang) {
            if (!lang.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException("not a language code: " + lang);
            }
            return new Cell(text, "lang=\"" + lang + "\"", false);
        }

        /** A name that is not words of any language (a file name, a checksum): marked {@code translate="no"}. */
        static Cell code(String text) {
            return new Cell(text, "translate=\"no\"", false);
        }

        /** Whether the disclosure rule hid this count. */
        boolean suppressed() {
            return attributes.contains("data-count=\"hidden\"");
        }
    }

    /** A row; a greyed one is an estimate that failed its own validity check, shown with its reason, not as a result. */
    record Row(List<Cell> cells, boolean greyed) {
    }

    private final String caption;
    private final List<String> headers;
    private final List<Row> rows = new ArrayList<>();

    HtmlTable(String caption, String... headers) {
        this.caption = caption;
        this.headers = Arrays.asList(headers);
    }

    HtmlTable row(Cell... cells) {
        return row(false, cells);
    }

    /** A row, greyed when {@code greyed} (an estimate that failed its validity check). */
    HtmlTable row(boolean greyed, Cell... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(caption + ": " + cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(new Row(Arrays.asList(cells), greyed));
        return this;
    }

    String caption() {
        return caption;
    }

    List<String> headers() {
        return headers;
    }

    List<Row> rows() {
        return rows;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Whether the table has figure columns but every figure in them shows nothing: hidden ("–"), blank or "no estimate". */
    boolean showsNoFigure(String noEstimate) {
        boolean figures = false;
        for (Row r : rows) {
            for (Cell c : r.cells().subList(1, r.cells().size())) {
                String t = c.text().strip();
                if (c.numeric() && !(c.suppressed() || t.isEmpty() || t.equals("–") || t.equals(noEstimate))) {
                    return false;
                }
                figures |= c.numeric();
            }
        }
        return figures;
    }

    /** What the template reads: caption, headers, rows of cells (text, attrs, numeric). */
    Map<String, Object> scope() {
        List<Map<String, Object>> rowScopes = new ArrayList<>();
        for (Row r : rows) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Cell c : r.cells()) {
                cells.add(Map.of("text", c.text(), "attrs", c.attributes(), "numeric", c.numeric(), "header", cells.isEmpty()));
            }
            rowScopes.add(Map.of("cells", cells, "greyed", r.greyed()));
        }
        return Map.of("caption", caption, "headers", headers, "rows", rowScopes);
    }
}
