package fi.polku.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The check that a published "first, last, change" triple adds up: in every table (page or workbook sheet) whose
 * header holds the three column names, every row with all three numbers has last − first = change to within the
 * rounding shown (half a unit of the last decimal of each of the three figures).
 */
final class Reconciliation {
    private static final Pattern TABLE = Pattern.compile("<table>(.*?)</table>", Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("<th scope=\"col\">(.*?)</th>");
    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

    /** The rows checked and the ones that do not add up. */
    record Result(int checked, List<String> failures) {
    }

    private Reconciliation() {
    }

    /** Checks every table of a page's HTML for the columns {@code first}, {@code last} and {@code change}. */
    static Result page(String name, String html, String lang, String first, String last, String change) {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        Matcher table = TABLE.matcher(html);
        while (table.find()) {
            List<String> headers = new ArrayList<>();
            Matcher h = HEADER.matcher(table.group(1));
            while (h.find()) {
                headers.add(h.group(1));
            }
            int[] at = {headers.indexOf(first), headers.indexOf(last), headers.indexOf(change)};
            if (at[0] < 0 || at[1] < 0 || at[2] < 0) {
                continue;
            }
            Matcher row = ROW.matcher(table.group(1));
            while (row.find()) {
                List<String> cells = new ArrayList<>();
                Matcher c = CELL.matcher(row.group(1));
                while (c.find()) {
                    cells.add(c.group(1));
                }
                if (cells.size() != headers.size() || row.group(1).contains("scope=\"col\"")) {
                    continue;
                }
                CellValue[] v = new CellValue[3];
                for (int i = 0; i < 3; i++) {
                    v[i] = CellValue.read(cells.get(at[i]), lang);
                }
                if (v[0].isNumeric() && v[1].isNumeric() && v[2].isNumeric()) {
                    checked++;
                    String where = name + ": " + String.join(" | ", cells.subList(0, 2));
                    check(where, v[0].estimate(), v[0].decimals(), v[1].estimate(), v[1].decimals(), v[2].estimate(), v[2].decimals(), failures);
                }
            }
        }
        return new Result(checked, failures);
    }

    /** Checks every sheet of a workbook; the shown decimals are read from each cell's number format. */
    static Result workbook(String name, InputStream xlsx, String first, String last, String change) throws IOException {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(xlsx)) {
            for (Sheet sheet : book) {
                Row head = sheet.getRow(0);
                if (head == null) {
                    continue;
                }
                List<String> headers = new ArrayList<>();
                head.forEach(c -> headers.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : ""));
                int[] at = {headers.indexOf(first), headers.indexOf(last), headers.indexOf(change)};
                if (at[0] < 0 || at[1] < 0 || at[2] < 0) {
                    continue;
                }
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    Row r = sheet.getRow(i);
                    Cell[] c = {r.getCell(at[0]), r.getCell(at[1]), r.getCell(at[2])};
                    if (c[0] == null || c[1] == null || c[2] == null || c[0].getCellType() != CellType.NUMERIC
                            || c[1].getCellType() != CellType.NUMERIC || c[2].getCellType() != CellType.NUMERIC) {
                        continue;
                    }
                    checked++;
                    String where = name + "/" + sheet.getSheetName() + " row " + (i + 1);
                    check(where, c[0].getNumericCellValue(), decimals(c[0]), c[1].getNumericCellValue(), decimals(c[1]),
                            c[2].getNumericCellValue(), decimals(c[2]), failures);
                }
            }
        }
        return new Result(checked, failures);
    }

    private static int decimals(Cell c) {
        String format = c.getCellStyle().getDataFormatString();
        int point = format.indexOf('.');
        return point < 0 ? 0 : (int) format.substring(point + 1).chars().takeWhile(ch -> ch == '0').count();
    }

    private static void check(String where, double first, int firstDecimals, double last, int lastDecimals, double change,
                              int changeDecimals, List<String> failures) {
        double tolerance = 0.5 * (Math.pow(10, -firstDecimals) + Math.pow(10, -lastDecimals) + Math.pow(10, -changeDecimals)) + 1e-9;
        if (Math.abs(last - first - change) > tolerance) {
            failures.add(where + ": " + last + " − " + first + " ≠ " + change);
        }
    }
}
