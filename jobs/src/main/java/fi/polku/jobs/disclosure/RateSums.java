package fi.polku.jobs.disclosure;

import fi.polku.region.Municipality;
import fi.polku.region.MunicipalityTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;

/**
 * The sums among {@code region_rates} rows that an attacker knows and the data hold: a county is the sum of its
 * municipalities (same indicator, age group and period), a year the sum of its twelve months (same region, indicator
 * and age group), and an age group the sum of narrower groups that tile it (0-17 = 0-6 + 7-12 + 13-17, read from the
 * groups' bounds; same region, indicator and period). A sum is taken only where every part is a row and the counts
 * add up exactly: a count of children during a year need not be the sum of the months (one child in care in two
 * months is one child of the year), and a file may hold groups that do not tile, so where the data do not add up
 * there is no relation, as for a county without all its municipalities.
 */
final class RateSums {
    /** A row's count equals the sum of its parts' counts (row keys). */
    record Sum(String total, List<String> parts) {
        Sum {
            parts = List.copyOf(parts);
        }
    }

    /** A row's count is at most another's: its age group lies inside the other's (row keys). */
    record Within(String part, String whole) {
    }

    private static final Pattern BOUNDED = Pattern.compile("(\\d{1,3})-(\\d{1,3})");
    private static final Pattern OPEN = Pattern.compile("(\\d{1,3})\\+");

    private RateSums() {
    }

    /** Every sum that holds among {@code rows}, counties first, then years, then age groups. */
    static List<Sum> of(List<Row> rows, MunicipalityTable municipalities) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put(key(r), r.<Long>getAs("count")));
        List<Sum> out = new ArrayList<>();
        for (Row r : rows) {
            if (!isMunicipal(r, municipalities)) {
                add(out, counts, key(r), municipalKeys(r, municipalities));
            }
        }
        for (Row r : rows) {
            if (r.getAs("month") == null) {
                List<String> months = new ArrayList<>();
                for (int m = 1; m <= 12; m++) {
                    months.add(r.getAs("region") + "|" + r.getAs("indicator") + "|" + r.getAs("age_group") + "|"
                            + String.format(Locale.ROOT, "%04d-%02d", ((Number) r.getAs("year")).intValue(), m) + "|" + m);
                }
                add(out, counts, key(r), months);
            }
        }
        for (List<Row> groups : byCell(rows).values()) {
            for (Row whole : groups) {
                int[] bounds = bounds(whole.getAs("age_group"));
                if (bounds != null) {
                    for (List<Row> tiling : tilings(groups, bounds[0], bounds[1], bounds)) {
                        add(out, counts, key(whole), tiling.stream().map(RateSums::key).toList());
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Every narrower age group inside a wider one of the same region, indicator and period (13-17 in 0-17): the
     * narrower count is at most the wider, whether or not the groups beside it are rows. Taken only where the counts
     * keep it (a file whose 13-17 exceeds its 0-17 states no such relation an attacker could rely on).
     */
    static List<Within> nested(List<Row> rows) {
        List<Within> out = new ArrayList<>(withinIndicators(rows));
        for (List<Row> groups : byCell(rows).values()) {
            for (Row whole : groups) {
                int[] w = bounds(whole.getAs("age_group"));
                for (Row part : groups) {
                    int[] p = part == whole || w == null ? null : bounds(part.getAs("age_group"));
                    if (p != null && p[0] >= w[0] && p[1] <= w[1] && (p[0] != w[0] || p[1] != w[1])
                            && part.<Long>getAs("count") <= whole.<Long>getAs("count")) {
                        out.add(new Within(key(part), key(whole)));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Indicators that count some of another's children ({@link #INDICATOR_WITHIN}): per region, age group, period and
     * month, the narrower count is at most the wider, where the counts keep it.
     */
    private static List<Within> withinIndicators(List<Row> rows) {
        Map<String, Map<String, Row>> byCell = new TreeMap<>();
        rows.forEach(r -> byCell.computeIfAbsent(r.getAs("region") + "|" + r.getAs("age_group") + "|" + r.getAs("period") + "|"
                + r.getAs("month"), x -> new TreeMap<>()).put(r.getAs("indicator"), r));
        List<Within> out = new ArrayList<>();
        for (Map<String, Row> indicators : byCell.values()) {
            INDICATOR_WITHIN.forEach((narrow, wide) -> {
                Row part = indicators.get(narrow);
                Row whole = indicators.get(wide);
                if (part != null && whole != null && part.<Long>getAs("count") <= whole.<Long>getAs("count")) {
                    out.add(new Within(key(part), key(whole)));
                }
            });
        }
        return out;
    }

    /**
     * Indicator → an indicator whose children include its own (THL's definitions: a child placed in an emergency
     * during the year was placed outside the home during the year).
     */
    static final Map<String, String> INDICATOR_WITHIN = Map.of("emergency_placements", "placed_outside_home");

    /** The rows by region, indicator, period and month: the age groups of one cell. */
    private static Map<String, List<Row>> byCell(List<Row> rows) {
        Map<String, List<Row>> byCell = new TreeMap<>();
        rows.forEach(r -> byCell.computeIfAbsent(r.getAs("region") + "|" + r.getAs("indicator") + "|" + r.getAs("period") + "|"
                + r.getAs("month"), x -> new ArrayList<>()).add(r));
        return byCell;
    }

    private static void add(List<Sum> out, Map<String, Long> counts, String total, List<String> parts) {
        if (!parts.isEmpty() && counts.keySet().containsAll(parts) && parts.stream().mapToLong(counts::get).sum() == counts.get(total)) {
            out.add(new Sum(total, parts));
        }
    }

    /**
     * The ways the groups among {@code rows} other than {@code whole} cover the ages {@code from}..{@code to} exactly,
     * each age once.
     */
    private static List<List<Row>> tilings(List<Row> rows, int from, int to, int[] whole) {
        List<List<Row>> out = new ArrayList<>();
        for (Row r : rows) {
            int[] b = bounds(r.getAs("age_group"));
            if (b == null || b[0] != from || b[1] > to || b[0] == whole[0] && b[1] == whole[1]) {
                continue;
            }
            if (b[1] == to) {
                out.add(new ArrayList<>(List.of(r)));
                continue;
            }
            for (List<Row> rest : tilings(rows, b[1] + 1, to, whole)) {
                List<Row> tiling = new ArrayList<>();
                tiling.add(r);
                tiling.addAll(rest);
                out.add(tiling);
            }
        }
        return out;
    }

    /** {@code [from, to]} of an age group ({@code 18+}: to the largest int), or null when it names no bounds. */
    static int[] bounds(String ageGroup) {
        Matcher m = BOUNDED.matcher(ageGroup);
        if (m.matches()) {
            int from = Integer.parseInt(m.group(1));
            int to = Integer.parseInt(m.group(2));
            return from <= to ? new int[] {from, to} : null;
        }
        m = OPEN.matcher(ageGroup);
        return m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.MAX_VALUE} : null;
    }

    static boolean isMunicipal(Row r, MunicipalityTable municipalities) {
        String region = r.getAs("region");
        return region.length() == 3 && municipalities.byCode(region).isPresent();
    }

    /** The keys of a county row's municipalities in its year and period (empty for a municipal row). */
    private static List<String> municipalKeys(Row r, MunicipalityTable municipalities) {
        int year = ((Number) r.getAs("year")).intValue();
        List<String> keys = new ArrayList<>();
        for (Municipality m : municipalities.inCounty(r.getAs("region"), year)) {
            keys.add(m.code() + "|" + nationKey(r));
        }
        return keys;
    }

    /** Indicator, age group, period and month: the cell of a table by region. */
    static String nationKey(Row r) {
        return r.getAs("indicator") + "|" + r.getAs("age_group") + "|" + r.getAs("period") + "|" + r.getAs("month");
    }

    /** Region, indicator, age group, period and month: one row. */
    static String key(Row r) {
        return r.getAs("region") + "|" + nationKey(r);
    }
}
