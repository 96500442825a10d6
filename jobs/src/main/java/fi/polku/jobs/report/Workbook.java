package fi.polku.jobs.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A page's tables as one XLSX workbook (Apache POI), for carrying figures into reports: a contents sheet, then
 * one sheet per table in page order with a header row (frozen) and one row per table row. Numeric cells hold
 * numbers ({@link CellValue} reads the page's text back); a column that holds an estimate with its interval
 * becomes three columns, estimate / lower / upper; percentages are stored as shares with a percent format; the
 * decimals shown on the page become the cell's format. Cells hidden by the disclosure rule hold the word
 * "suppressed" in the page's language. On Finnish pages the formats carry the Finnish locale ({@code [$-40B]}),
 * so spreadsheet programs that honour it show a decimal comma; Excel shows the separators of its own locale.
 */
final class Workbook {
    /** Excel's limit on a sheet name. */
    static final int SHEET_NAME = 31;

    private final Messages m;
    private final XSSFWorkbook book = new XSSFWorkbook();
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final CellStyle bold;

    private Workbook(Messages m) {
        this.m = m;
        Font font = book.createFont();
        font.setBold(true);
        bold = book.createCellStyle();
        bold.setFont(font);
    }

    /** The workbook of a page's tables (its charts' own data tables are in the chart files' pages). */
    static byte[] of(Page page) {
        Workbook w = new Workbook(page.messages());
        return w.write(page);
    }

    private byte[] write(Page page) {
        Sheet contents = book.createSheet(sheetName(m.text("xlsx.contents")));
        int line = 0;
        contents.createRow(line++).createCell(0).setCellValue(page.title());
        Row head = contents.createRow(line++);
        cell(head, 0, m.text("xlsx.sheet"), bold);
        cell(head, 1, m.text("xlsx.table"), bold);
        for (Page.Section section : page.sections()) {
            for (HtmlTable table : section.tables()) {
                String name = sheetName(table.caption());
                Row r = contents.createRow(line++);
                r.createCell(0).setCellValue(name);
                r.createCell(1).setCellValue(table.caption());
                sheet(book.createSheet(name), table);
            }
        }
        line++;
        for (String note : page.footnotes()) {
            contents.createRow(line++).createCell(0).setCellValue(note);
        }
        contents.setColumnWidth(0, 34 * 256);
        contents.setColumnWidth(1, 80 * 256);
        book.getProperties().getCoreProperties().getUnderlyingProperties()
                .setLanguageProperty(m.lang().equals("fi") ? "fi-FI" : "en-GB");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            book.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("workbook of " + page.title() + ": " + e.getMessage(), e);
        }
    }

    private void sheet(Sheet sheet, HtmlTable table) {
        int columns = table.headers().size();
        List<List<CellValue>> values = new ArrayList<>();
        boolean[] split = new boolean[columns];
        for (HtmlTable.Row row : table.rows()) {
            List<CellValue> line = new ArrayList<>();
            for (int j = 0; j < columns; j++) {
                HtmlTable.Cell c = row.cells().get(j);
                CellValue v = c.numeric() ? CellValue.read(c.text(), m.lang()) : CellValue.text();
                split[j] |= v.isInterval();
                line.add(v);
            }
            values.add(line);
        }
        Row head = sheet.createRow(0);
        int[] widths = new int[3 * columns];
        int col = 0;
        for (int j = 0; j < columns; j++) {
            String h = table.headers().get(j);
            widths[col] = Math.max(widths[col], h.length());
            cell(head, col++, h, bold);
            if (split[j]) {
                for (String end : List.of(m.text("chart.lower"), m.text("chart.upper"))) {
                    String name = h + ": " + end;
                    widths[col] = Math.max(widths[col], name.length());
                    cell(head, col++, name, bold);
                }
            }
        }
        for (int i = 0; i < table.rows().size(); i++) {
            Row out = sheet.createRow(i + 1);
            col = 0;
            for (int j = 0; j < columns; j++) {
                HtmlTable.Cell c = table.rows().get(i).cells().get(j);
                CellValue v = values.get(i).get(j);
                if (c.suppressed()) {
                    cell(out, col, m.text("xlsx.suppressed"), null);
                } else if (v.isNumeric()) {
                    number(out, col, v.estimate(), v);
                } else if (v.kind() != CellValue.Kind.BLANK && !c.text().isEmpty()) {
                    cell(out, col, c.text().replace("\u2060", ""), null);
                }
                widths[col] = Math.max(widths[col], Math.min(60, c.text().length()));
                col++;
                if (split[j]) {
                    if (v.isInterval()) {
                        number(out, col, v.lower(), v);
                        number(out, col + 1, v.upper(), v);
                    }
                    col += 2;
                }
            }
        }
        for (int k = 0; k < col; k++) {
            sheet.setColumnWidth(k, Math.min(255, widths[k] + 3) * 256);
        }
        sheet.createFreezePane(1, 1);
    }

    private void cell(Row row, int col, String text, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell c = row.createCell(col);
        c.setCellValue(text);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private void number(Row row, int col, double value, CellValue v) {
        org.apache.poi.ss.usermodel.Cell c = row.createCell(col);
        c.setCellValue(value);
        String format = (v.isPercent() ? "0" : "#,##0") + (v.decimals() > 0 ? "." + "0".repeat(v.decimals()) : "") + (v.isPercent() ? (m.lang().equals("fi") ? " %" : "%") : "");
        String key = (m.lang().equals("fi") ? "[$-40B]" : "") + format;
        c.setCellStyle(styles.computeIfAbsent(key, k -> {
            CellStyle s = book.createCellStyle();
            s.setDataFormat(book.createDataFormat().getFormat(k));
            return s;
        }));
    }

    /** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook (case-blind). */
    private String sheetName(String caption) {
        String base = caption.replaceAll("[\\[\\]:*?/\\\\]", " ").replaceAll("\\s+", " ").strip().replaceAll("^'+|'+$", "");
        if (base.isEmpty()) {
            base = "Sheet";
        }
        String name = base.length() > SHEET_NAME ? base.substring(0, SHEET_NAME).strip() : base;
        for (int n = 2; names.contains(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = (base.length() > SHEET_NAME - suffix.length() ? base.substring(0, SHEET_NAME - suffix.length()).strip() : base) + suffix;
        }
        names.add(name.toLowerCase(java.util.Locale.ROOT));
        return name;
    }
}
