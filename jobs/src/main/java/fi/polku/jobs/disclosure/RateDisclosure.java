package fi.polku.jobs.disclosure;

import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.privacy.CellSuppression;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.LinkedTables;
import fi.polku.privacy.Protection;
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
 * rate and interval ({@link #DEPENDENTS}). The linked tables ({@code RateSums}), each sum only where every part is a
 * row and the counts add up: a county's count is the sum of its municipalities' (same indicator, age group and
 * period), a year's the sum of its twelve months (same region, indicator and age group), an age group's the sum of
 * the groups that tile it (0-17 = 0-6 + 7-12 + 13-17, from the groups' bounds; same region, indicator and period);
 * and the nation's — THL publishes it, so the attacker knows it — is the sum of the counties'. Municipal rows are
 * treated as published (the pages show them), which is what the attacker holding both surfaces has. A figure computed
 * over every area of a level, hidden ones too (the variation between areas), is published only where
 * {@link #anyHidden} is false. A narrower age group is also at most a wider one it lies in ({@code 13-17 ≤ 0-17},
 * where the counts keep it), which places a hidden 13-17 beside a shown 0-17 of 5 in 1..5. Not linked: an indicator
 * to another it is part of (emergency placements among the children placed outside the home).
 */
public final class RateDisclosure {
    /** The columns computed from {@code count}. */
    public static final List<String> DEPENDENTS = List.of("count", "rate_per_1000", "ci_lower", "ci_upper");
    private static final String NATION = "nation";

    private final List<Row> published;
    private final Set<String> hiddenKeys;
    private final Set<String> hiddenLevels;
    private final Structure structure;
    private final CellSuppression.Result result;
    private final int cells;
    private final int k;

    private RateDisclosure(List<Row> published, Set<String> hiddenKeys, Set<String> hiddenLevels, Structure structure,
                           CellSuppression.Result result, int cells, int k) {
        this.k = k;
        this.published = published;
        this.hiddenKeys = hiddenKeys;
        this.hiddenLevels = hiddenLevels;
        this.structure = structure;
        this.result = result;
        this.cells = cells;
    }

    /**
     * The sums that hold: among the rows ({@link RateSums}: counties of their municipalities, years of their months, age
     * groups of the groups that tile them), and the nation's counts.
     *
     * @param sums   the sums among the rows that hold in the data
     * @param nested the narrower age groups at most their wider ones
     * @param nation per indicator × age group × period, the sum of the counties' counts
     */
    private record Structure(List<RateSums.Sum> sums, List<RateSums.Within> nested, Map<String, Long> nation) {
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
            // The part view fails where a hidden county is alone under a sum of county rows (the national total, its
            // year, its age group) without the municipalities' slack: the smallest shown county row beside it in such a
            // sum goes too, and the whole view is protected again from there.
            Map<String, CellSuppression.Reason> more = new LinkedHashMap<>(result.hidden());
            for (DisclosureAudit.Interval failure : own.failures()) {
                part.constraints().stream().filter(c -> c.cells().contains(failure.cell())).flatMap(c -> c.cells().stream())
                        .map(part::cell)
                        .filter(c -> !c.id().startsWith(NATION) && !more.containsKey(c.id()) && c.value() != null && c.value() > 0)
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
        Set<String> hiddenLevels = new HashSet<>();
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            boolean hidden = result.hidden().containsKey(id(key(r)));
            if (hidden) {
                hiddenKeys.add(key(r));
                if (r.getAs("month") == null) {
                    hiddenLevels.add(level(RateSums.isMunicipal(r, municipalities), r.getAs("indicator"), r.getAs("age_group"),
                            ((Number) r.getAs("year")).intValue()));
                }
            }
            if (!RateSums.isMunicipal(r, municipalities) && r.getAs("month") == null) {
                hiddenLevels.add("rows " + level(false, r.getAs("indicator"), r.getAs("age_group"), ((Number) r.getAs("year")).intValue()));
            }
            out.add(OutcomeDisclosure.blank(r, hidden ? new LinkedHashSet<>(DEPENDENTS) : Set.of(), null));
        }
        return new RateDisclosure(List.copyOf(out), Set.copyOf(hiddenKeys), Set.copyOf(hiddenLevels), structure, result,
                truth.cells().size(), k);
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

    /**
     * Whether some yearly count of an indicator, age group and year is hidden among the municipal rows
     * ({@code municipal}) or the county rows. A figure computed over every area of a level (the variation between
     * areas) gives a hidden count back with the shown ones, so it is published only where this is false. Where no
     * county row of the year exists the county figures are sums of the municipal rows, and the municipal rows answer.
     */
    public boolean anyHidden(boolean municipal, String indicator, String ageGroup, int year) {
        if (!municipal && !hiddenLevels.contains("rows " + level(false, indicator, ageGroup, year))) {
            return hiddenLevels.contains(level(true, indicator, ageGroup, year));
        }
        return hiddenLevels.contains(level(municipal, indicator, ageGroup, year));
    }

    /**
     * Whether the effect estimates of an indicator and age group must be withheld: some county count of it is hidden in
     * some year. The estimates (region_effects' pre-period level, difference-in-differences and its placebo SE, the
     * two-way fixed effects, synthetic control paths, the project's pooled effects and the cost offset built on them)
     * are linear in every county's yearly rates, comparison regions' too, and the populations are published, so with
     * the shown rates they give a hidden count back (an attack on the demo, 2026-12-01, recovered 19 of 21 hidden
     * county counts from region_effects.csv this way).
     */
    public boolean withholdsEstimates(String indicator, String ageGroup) {
        String tail = "|" + indicator + "|" + ageGroup + "|";
        for (String level : hiddenLevels) {
            int at = level.indexOf(tail);
            if (at > 0 && !level.startsWith("rows ") && level.lastIndexOf('|') == at + tail.length() - 1
                    && anyHidden(false, indicator, ageGroup, Integer.parseInt(level.substring(at + tail.length())))) {
                return true;
            }
        }
        return false;
    }

    private static String level(boolean municipal, String indicator, String ageGroup, int year) {
        return (municipal ? "municipality" : "county") + "|" + indicator + "|" + ageGroup + "|" + year;
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
        Map<String, Long> nation = new TreeMap<>();
        for (Row r : rows) {
            if (!RateSums.isMunicipal(r, municipalities)) {
                nation.merge(nationKey(r), r.<Long>getAs("count"), Long::sum);
            }
        }
        return new Structure(RateSums.of(rows, municipalities), RateSums.nested(rows), Map.copyOf(nation));
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
            if (!RateSums.isMunicipal(r, municipalities)) {
                // The export and the pages show counties: secondary suppression takes municipalities first.
                b.keep(id(key));
                counties.computeIfAbsent(nationKey(r), x -> new ArrayList<>()).add(id(key));
            }
        }
        for (RateSums.Sum sum : structure.sums()) {
            if (made.contains(sum.total()) && made.containsAll(sum.parts())) {
                b.additive(id(sum.total()), sum.parts().stream().map(RateDisclosure::id).toList());
            }
        }
        for (RateSums.Within within : structure.nested()) {
            if (made.contains(within.part()) && made.contains(within.whole())) {
                b.atMost(id(within.part()), id(within.whole()));
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

    private static String nationKey(Row r) {
        return RateSums.nationKey(r);
    }

    private static String key(Row r) {
        return RateSums.key(r);
    }

    private static String id(String key) {
        return key + "/count";
    }
}
