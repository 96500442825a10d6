package fi.polku.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mustachejava.DefaultMustacheFactory;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The files beside a page, built from the page model alone (no Spark): table cells read back as numbers in both
 * languages, the workbook's sheets, and charts as PNG; and what the template makes of the model for
 * accessibility (row headers, chart descriptions and data tables, links to the files, no alert role).
 */
class ReportFilesTest {
    private static final Messages FI = Messages.of(Messages.Language.FI);
    private static final Messages EN = Messages.of(Messages.Language.EN);

    @Test
    void cellTextReadsBackAsTheNumbersMessagesWrote() {
        for (Messages m : List.of(FI, EN)) {
            // Values chosen to need grouping (12 345,6), a minus sign and an interval that crosses zero.
            CellValue n = CellValue.read(m.number(12345.6, 1), m.lang());
            assertEquals(CellValue.Kind.NUMBER, n.kind(), m.lang());
            assertEquals(12345.6, n.estimate(), 1e-9);
            assertEquals(1, n.decimals());
            CellValue i = CellValue.read(m.interval(-0.51, -0.83, 0.2, 2), m.lang());
            assertEquals(CellValue.Kind.INTERVAL, i.kind(), m.lang() + " " + m.interval(-0.51, -0.83, 0.2, 2));
            assertEquals(-0.51, i.estimate(), 1e-9);
            assertEquals(-0.83, i.lower(), 1e-9);
            assertEquals(0.2, i.upper(), 1e-9);
            assertEquals(2, i.decimals());
            CellValue p = CellValue.read(m.percentInterval(0.16, 0.10, 0.24), m.lang());
            assertEquals(CellValue.Kind.PERCENT_INTERVAL, p.kind(), m.lang());
            assertEquals(0.16, p.estimate(), 1e-9);
            assertEquals(0.24, p.upper(), 1e-9);
            assertEquals(CellValue.Kind.PERCENT, CellValue.read(m.percent(0.34), m.lang()).kind());
            assertEquals(CellValue.Kind.BLANK, CellValue.read(m.number(null, 1), m.lang()).kind());
            assertEquals(CellValue.Kind.TEXT, CellValue.read("120 (45 %)", m.lang()).kind());
        }
        // A Finnish number is not read as an English one (the comma is a decimal, not a thousands separator).
        assertEquals(CellValue.Kind.TEXT, CellValue.read("4,4 (3,1–5,6)", "en").kind());
        assertEquals(4.4, CellValue.read("4,4 (3,1\u2060–\u20605,6)", "fi").estimate(), 1e-9);
    }

    private static Page page(Messages m) {
        HtmlTable t = new HtmlTable("Keskeiset tulokset, alueittain ja vastaajittain (ORS)", "Alue", "n", "Muutos", "Osuus");
        t.row(HtmlTable.Cell.text("Kainuu"), HtmlTable.Cell.number(m.count(1234), "data-count=\"1234\""),
                HtmlTable.Cell.number(m.interval(4.4, 3.1, 5.6, 1)), HtmlTable.Cell.number(m.percent(0.16)));
        t.row(HtmlTable.Cell.text("Etelä-Savo"), HtmlTable.Cell.number(m.text("cell.suppressed"), "data-count=\"hidden\""),
                HtmlTable.Cell.number("–"), HtmlTable.Cell.number(m.percent(0.5)));
        HtmlTable same = new HtmlTable("Keskeiset tulokset, alueittain ja vastaajittain (ORS)", "Alue", "n");
        same.row(HtmlTable.Cell.text("Kainuu", "en"), HtmlTable.Cell.number(m.count(7)));
        LineChart chart = new LineChart("ORS", "Tapaamiskerta", "ORS-pistemäärä (0–40)").wholeX()
                .series("hanke", new TreeMap<>(Map.of(1.0, 17.4, 2.0, 20.5)), LineChart.Style.SOLID);
        Page p = new Page(m, "Yleiskuva", new fi.polku.jobs.config.Label.Shown("Hanke", ""), "30.6.2026", "GENERATED", m.text("banner.synthetic"));
        p.section(new Page.Section("a", "A").table(t).chart(chart.svg(m), "ORS-polut").warning("fallback used", "en"));
        p.section(new Page.Section("b", "B").table(same));
        p.footnote(m.text("cell.suppressed.note", 5));
        return p.files("index.xlsx", "index-chart");
    }

    @Test
    void workbookHasNumericCellsSplitIntervalsMarkedSuppressionAndValidSheetNames() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Workbook.of(page(FI))))) {
            assertEquals(3, book.getNumberOfSheets(), "contents + one sheet per table");
            assertEquals("Sisällys", book.getSheetName(0));
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                assertTrue(book.getSheetName(s).length() <= Workbook.SHEET_NAME, book.getSheetName(s));
            }
            // The two tables share a caption: the names are cut to 31 characters and told apart.
            assertEquals("Keskeiset tulokset, alueittain", book.getSheetName(1));
            assertEquals("Keskeiset tulokset, alueitt (2)", book.getSheetName(2));
            Sheet sheet = book.getSheetAt(1);
            Row head = sheet.getRow(0);
            List<String> headers = Arrays.asList(text(head, 0), text(head, 1), text(head, 2), text(head, 3), text(head, 4), text(head, 5));
            assertEquals(List.of("Alue", "n", "Muutos", "Muutos: alaraja", "Muutos: yläraja", "Osuus"), headers);
            Row kainuu = sheet.getRow(1);
            assertEquals(CellType.NUMERIC, kainuu.getCell(1).getCellType());
            assertEquals(1234, kainuu.getCell(1).getNumericCellValue(), 0);
            assertEquals(4.4, kainuu.getCell(2).getNumericCellValue(), 1e-12);
            assertEquals(3.1, kainuu.getCell(3).getNumericCellValue(), 1e-12);
            assertEquals(5.6, kainuu.getCell(4).getNumericCellValue(), 1e-12);
            assertEquals(0.16, kainuu.getCell(5).getNumericCellValue(), 1e-12);
            assertEquals("[$-40B]#,##0.0", kainuu.getCell(2).getCellStyle().getDataFormatString());
            assertEquals("[$-40B]0 %", kainuu.getCell(5).getCellStyle().getDataFormatString());
            Row hidden = sheet.getRow(2);
            assertEquals("peitetty", hidden.getCell(1).getStringCellValue());
            assertEquals(null, hidden.getCell(2), "a value the page shows as – is an empty cell");
            assertEquals("Kainuu", sheet.getRow(1).getCell(0).getStringCellValue(), "labels stay text");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Workbook.of(page(EN))))) {
            assertEquals("Contents", book.getSheetName(0));
            assertEquals("#,##0.0", book.getSheetAt(1).getRow(1).getCell(2).getCellStyle().getDataFormatString());
        }
    }

    private static String text(Row row, int col) {
        Cell c = row.getCell(col);
        return c == null ? null : c.getStringCellValue();
    }

    @Test
    void chartRendersAsPngWithItsTextInTheSvgFont() throws Exception {
        assertTrue(Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()).contains("DejaVu Sans"),
                "the charts' font is installed (Debian fonts-dejavu-core)");
        Chart chart = page(FI).sections().get(0).charts().get(0);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ChartFiles.png(chart)));
        assertEquals(1280, png.getWidth(), "twice the chart's 640 units");
        assertEquals(600, png.getHeight());
        // The x-axis label's row holds dark pixels (text was drawn), the corner is the white background.
        assertEquals(0xFFFFFFFF, png.getRGB(2, 2));
        int dark = 0;
        for (int x = 400; x < 900; x++) {
            for (int y = 2 * 240; y < 2 * 256; y++) {
                dark += (png.getRGB(x, y) & 0xFF) < 100 ? 1 : 0;
            }
        }
        assertTrue(dark > 100, "axis label drawn: " + dark + " dark pixels");
        assertTrue(ChartFiles.svg(chart).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }

    @Test
    void templateGivesRowHeadersChartTextEquivalentsFileLinksAndAStaticBanner() {
        StringWriter out = new StringWriter();
        new DefaultMustacheFactory("fi/polku/jobs/report").compile("page.mustache").execute(out, page(FI).scope());
        String html = out.toString();
        assertTrue(html.contains("<p class=\"banner\">SYNTEETTINEN AINEISTO"), "the static banner is no alert");
        assertFalse(html.contains("role=\"alert\""));
        assertTrue(html.contains("<th scope=\"row\" >Kainuu</th>"), html);
        assertTrue(html.contains("<th scope=\"row\" lang=\"en\">Kainuu</th>"), "a cell in another language is marked");
        assertTrue(html.contains("<li lang=\"en\">fallback used</li>"));
        assertTrue(html.contains("<desc>Viivakaavio: ORS-pistemäärä (0–40) suhteessa muuttujaan Tapaamiskerta. Sarjat: hanke.</desc>"), html);
        assertTrue(html.contains("</figcaption></figure>\n<details class=\"chart-data\"><summary>Kaavion luvut taulukkona</summary>"), "the caption ends the figure (HTML), the data follow it");
        assertTrue(html.contains("<tr><th scope=\"row\" >2</th><td class=\"num\" >20,5</td></tr>"), "the chart's points as rows");
        assertTrue(html.contains("<a href=\"index-chart-1.svg\">SVG</a> · <a href=\"index-chart-1.png\">PNG</a>"));
        assertTrue(html.contains("<a href=\"index.xlsx\">Sivun taulukot Excel-työkirjana (XLSX)</a>"));
        assertTrue(html.contains("<div class=\"table-scroll\" role=\"region\" aria-label=\"Keskeiset tulokset"), "tables scroll in their own box");
        assertTrue(html.contains("@media print{@page{size:A4"));
    }
}
