package fi.polku.jobs.disclosure;

import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.privacy.CellSuppression;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.LinkedTables;
import fi.polku.privacy.Protection;
import fi.polku.region.Municipality;
import fi.polku.region.MunicipalityTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/**
 * Disclosure control of {@code region_rates}, the one rule for every surface that publishes it (the export's county
 * rows, the pages' county rate charts and municipal funnels). A rate with its published population gives the count
 * back ({@code count = rate × population / 1000}), so a shown rate is a shown count and a hidden count hides its
 * rate and interval ({@link #DEPENDENTS}). The linked tables, per indicator × age group × period: a county's count is
 * the sum of its municipalities' (where the rows hold every municipality of the county that year and the counts
 * add up), and the nation's — THL publishes it, so the attacker knows it — is the sum of the counties'. Municipal
 * rows are treated as published (the pages show them), which is what the attacker holding both surfaces has.
 */
public final class RateDisclosure {
    /** The columns computed from {@code count}. */
    public static final List<String> DEPENDENTS = List.of("count", "rate_per_1000", "ci_lower", "ci_upper");
    private static final String NATION = "nation";

    private final List<Row> published;
    private final Set<String> hiddenKeys;
    private final Structure structure;
    private final CellSuppression.Result result;
    private final int cells;
    private final int k;

    private RateDisclosure(List<Row> published, Set<String> hiddenKeys, Structure structure, CellSuppression.Result result,
                           int cells, int k) {
        this.k = k;
        this.published = published;
        this.hiddenKeys = hiddenKeys;
        this.structure = structure;
        this.result = result;
        this.cells = cells;
    }

    /**
     * The sums that hold: the county groups whose municipalities add up to the county, and the nation's counts.
     *
     * @param counties the county groups (key of the county row) that are the sum of their municipalities' rows
     * @param nation   per indicator × age group × period, the sum of the counties' counts
     */
    private record Structure(Set<String> counties, Map<String, Long> nation) {
    }

    /**
     * Protects every row of {@code region_rates} as the run publishes it, on the pages and in the export alike: at the
     * larger of {@code min_cell} and {@code export.k}, with the bundled municipalities; the export's county rows are
     * also attacked on their own.
     */
    public static RateDisclosure protect(List<Row> rows, RunConfig config) {
        Set<String> counties = new HashSet<>();
        ReferenceData.bundled().regions().regions().forEach(r -> counties.add(r.code()));
        return protect(rows, k(config), ReferenceData.bundled().municipalities(), r -> counties.contains(r.<String>getAs("region")));
    }

    /** The k of region_rates on every surface: the larger of {@code min_cell} and {@code export.k}. */
    public static int k(RunConfig config) {
        return Math.max(config.outcomes().minCell(), config.export().k());
    }

    /**
     * Protects every row of {@code region_rates} (counties and municipalities) at {@code k}, every row published.
     *
     * @param municipalities which county a municipality belonged to in a year
     * @throws DisclosureRefused if some hidden figure cannot be protected at all
     */
    public static RateDisclosure protect(List<Row> rows, int k, MunicipalityTable municipalities) {
        return protect(rows, k, municipalities, r -> true);
    }

    /**
     * Protects every row at {@code k} as a view of them all, and as the view of a surface that publishes only the rows
     * {@code alone} keeps (the others absent from it, so a county is not the sum of anything there, but the nation
     * still is of the counties): suppression goes on in turn until both views pass.
     *
     * @throws DisclosureRefused if some hidden figure cannot be protected at all
     */
    public static RateDisclosure protect(List<Row> rows, int k, MunicipalityTable municipalities, Predicate<Row> alone) {
        Structure structure = structure(rows, municipalities);
        LinkedTables truth = model(rows, (r, column) -> false, structure, municipalities);
        List<Row> partRows = rows.stream().filter(alone).toList();
        LinkedTables part = model(partRows, (r, column) -> false, structure, municipalities);
        Protection protection = Protection.of(k);
        CellSuppression.Result result = CellSuppression.protect(truth, protection);
        for (int round = 0; round < 5 && result.audit().passed(); round++) {
            DisclosureAudit.Result own = partAudit(partRows, result, structure, municipalities, protection);
            if (own.passed()) {
                break;
            }
            // The part view fails where a hidden county is alone under the national total: the smallest shown county
            // beside it goes too, and the whole view is protected again from there.
            Map<String, CellSuppression.Reason> more = new LinkedHashMap<>(result.hidden());
            for (DisclosureAudit.Interval failure : own.failures()) {
                String group = failure.cell().substring(failure.cell().indexOf('|'));
                part.cells().values().stream()
                        .filter(c -> c.id().endsWith(group) && !c.id().startsWith(NATION) && !more.containsKey(c.id()) && c.value() != null)
                        .min(java.util.Comparator.comparingDouble(LinkedTables.Cell::value))
                        .ifPresent(c -> more.put(c.id(), CellSuppression.Reason.SECONDARY));
            }
            result = CellSuppression.protect(truth, protection, more);
        }
        DisclosureAudit.Result own = partAudit(partRows, result, structure, municipalities, protection);
        if (!own.passed()) {
            throw new DisclosureRefused("region_rates as the export publishes them", own);
        }
        if (!result.audit().passed()) {
            throw new DisclosureRefused("region_rates", result.audit());
        }
        Set<String> hiddenKeys = new HashSet<>();
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            boolean hidden = result.hidden().containsKey(id(key(r)));
            if (hidden) {
                hiddenKeys.add(key(r));
            }
            out.add(OutcomeDisclosure.blank(r, hidden ? new LinkedHashSet<>(DEPENDENTS) : Set.of(), null));
        }
        return new RateDisclosure(List.copyOf(out), Set.copyOf(hiddenKeys), structure, result, truth.cells().size(), k);
    }

    /**
     * The part view's audit exactly as its surface runs it on what it publishes ({@link #audit}): the part's rows with
     * the counts {@code result} hides left out.
     */
    private static DisclosureAudit.Result partAudit(List<Row> partRows, CellSuppression.Result result, Structure structure,
                                                    MunicipalityTable municipalities, Protection protection) {
        return DisclosureAudit.ofUnshown(model(partRows, (r, column) -> result.hidden().containsKey(id(key(r))), structure,
                municipalities), protection);
    }

    /**
     * The audit an outsider can run on published rows ({@code hidden} says whether a row's count was blanked) who knows
     * the national counts and which sums hold, as this control found them; a county whose municipalities are not among
     * {@code publishedRows} is the sum of nothing here.
     */
    public DisclosureAudit.Result audit(List<Row> publishedRows, BiPredicate<Row, String> hidden, int k, MunicipalityTable municipalities) {
        return DisclosureAudit.ofUnshown(model(publishedRows, hidden, structure, municipalities), Protection.of(k));
    }

    /** The rows with hidden figures blanked (same schema, same order). */
    public List<Row> published() {
        return published;
    }

    /** Whether a row's count (and its rate and interval) is hidden. */
    public boolean hidden(Row r) {
        return hiddenKeys.contains(key(r));
    }

    /** Whether the yearly count of a region, indicator, age group and year is hidden (for tables made from region_rates). */
    public boolean hidden(String region, String indicator, String ageGroup, int year) {
        return hiddenKeys.contains(region + "|" + indicator + "|" + ageGroup + "|" + year + "|null");
    }

    /** The suppression and its audit. */
    public CellSuppression.Result result() {
        return result;
    }

    /** The k the counts were protected at. */
    public int k() {
        return k;
    }

    /** How many counts the linked tables hold. */
    public int cells() {
        return cells;
    }

    private static Structure structure(List<Row> rows, MunicipalityTable municipalities) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put(key(r), r.<Long>getAs("count")));
        Set<String> counties = new LinkedHashSet<>();
        Map<String, Long> nation = new TreeMap<>();
        for (Row r : rows) {
            if (isMunicipal(r, municipalities)) {
                continue;
            }
            List<String> parts = municipalKeys(r, municipalities);
            if (!parts.isEmpty() && counts.keySet().containsAll(parts)
                    && parts.stream().mapToLong(counts::get).sum() == r.<Long>getAs("count")) {
                counties.add(key(r));
            }
            nation.merge(nationKey(r), r.<Long>getAs("count"), Long::sum);
        }
        return new Structure(Set.copyOf(counties), Map.copyOf(nation));
    }

    /** The linked tables of region_rates rows; a count {@code hidden} names has no value. */
    private static LinkedTables model(List<Row> rows, BiPredicate<Row, String> hidden, Structure structure,
                                      MunicipalityTable municipalities) {
        LinkedTables.Builder b = LinkedTables.builder();
        Set<String> made = new HashSet<>();
        Map<String, List<String>> counties = new TreeMap<>();
        for (Row r : rows) {
            String key = key(r);
            b.count(id(key), hidden.test(r, "count") ? null : r.<Long>getAs("count"));
            made.add(key);
            if (!isMunicipal(r, municipalities)) {
                // The export and the pages show counties: secondary suppression takes municipalities first.
                b.keep(id(key));
                counties.computeIfAbsent(nationKey(r), x -> new ArrayList<>()).add(id(key));
            }
        }
        for (Row r : rows) {
            List<String> parts = municipalKeys(r, municipalities);
            if (structure.counties().contains(key(r)) && made.containsAll(parts)) {
                b.additive(id(key(r)), parts.stream().map(RateDisclosure::id).toList());
            }
        }
        counties.forEach((nationKey, parts) -> {
            Long total = structure.nation().get(nationKey);
            if (total != null) {
                String nation = id(NATION + "|" + nationKey);
                b.count(nation, total);
                b.additive(nation, parts);
            }
        });
        return b.build();
    }

    private static boolean isMunicipal(Row r, MunicipalityTable municipalities) {
        String region = r.getAs("region");
        return region.length() == 3 && municipalities.byCode(region).isPresent();
    }

    /** The keys of a county row's municipalities in its year (empty for a municipal row or a monthly one). */
    private static List<String> municipalKeys(Row r, MunicipalityTable municipalities) {
        if (isMunicipal(r, municipalities) || r.getAs("month") != null) {
            return List.of();
        }
        int year = ((Number) r.getAs("year")).intValue();
        List<String> keys = new ArrayList<>();
        for (Municipality m : municipalities.inCounty(r.getAs("region"), year)) {
            keys.add(m.code() + "|" + nationKey(r));
        }
        return keys;
    }

    private static String nationKey(Row r) {
        return r.getAs("indicator") + "|" + r.getAs("age_group") + "|" + r.getAs("period") + "|" + r.getAs("month");
    }

    private static String key(Row r) {
        return r.getAs("region") + "|" + nationKey(r);
    }

    private static String id(String key) {
        return key + "/count";
    }
}
