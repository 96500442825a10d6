package fi.polku.jobs.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.polku.jobs.config.ExportSettings;
import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.jobs.disclosure.RateDisclosure;
import fi.polku.privacy.CellSuppression;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.KAnonymity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the export generalised and suppressed, written as {@code disclosure.json} and summarised in the
 * READMEs. It travels with the data, so it follows the k rule itself: a class kept as it was shows its size
 * (at least k); a pooled or suppressed class shows only that it had fewer than k, and a total under k is
 * shown as a range.
 */
final class DisclosureReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final KAnonymity.Result result;
    private final ExportSettings settings;
    private final Map<String, Long> blankedRows = new LinkedHashMap<>();
    private RateDisclosure rates;
    private DisclosureAudit.Result rateAudit;
    private OutcomeDisclosure outcomes;
    private DisclosureAudit.Result audit;
    private DisclosureAudit.Result together;
    private int pagesK;
    private DisclosureAudit.Result indicators;
    private WithheldMicrodata.Choice withheld;
    private long withheldEpisodes;
    private long lostToWithholding;
    private long effectsWithheld;
    private long pooledWithheld;

    DisclosureReport(KAnonymity.Result result, ExportSettings settings) {
        this.result = result;
        this.settings = settings;
    }

    /** Records how many region_effects rows were left out (their indicator and age group has a hidden county count). */
    void effectsWithheld(long rows) {
        this.effectsWithheld = rows;
    }

    /** Records how many pooled_effects rows were left out (a region they pool has its effect size hidden). */
    void pooledWithheld(long rows) {
        this.pooledWithheld = rows;
    }

    /** Records how many rows of a region table had something blanked. */
    void blanked(String table, long rows) {
        blankedRows.put(table, rows);
    }

    /**
     * Records the disclosure control of region_outcomes, the audit of the published rows and the audit of the export
     * and the pages together.
     */
    void outcomes(OutcomeDisclosure control, DisclosureAudit.Result publishedAudit, DisclosureAudit.Result withThePages, int minCell) {
        this.outcomes = control;
        this.audit = publishedAudit;
        this.together = withThePages;
        this.pagesK = minCell;
    }

    /** Records the disclosure control of region_rates and the audit of the published county rows. */
    void rates(RateDisclosure control, DisclosureAudit.Result publishedAudit) {
        this.rates = control;
        this.rateAudit = publishedAudit;
    }

    /** Records the audit of the published project_indicators. */
    void indicators(DisclosureAudit.Result publishedAudit) {
        this.indicators = publishedAudit;
    }

    /**
     * Records the episodes the microdata leave out ({@link WithheldMicrodata}): the choice, how many episodes it
     * withholds, and how many of the run's episodes have no row left in the microdata because of it.
     */
    void withheld(WithheldMicrodata.Choice choice, long episodes, long lost) {
        this.withheld = choice;
        this.withheldEpisodes = episodes;
        this.lostToWithholding = lost;
    }

    KAnonymity.Result result() {
        return result;
    }

    Map<String, Long> blankedRows() {
        return blankedRows;
    }

    /** A count as it may be published: exact when 0 or at least k, else "1–(k−1)". */
    String publishable(long n) {
        return n == 0 || n >= settings.k() ? Long.toString(n) : "1-" + (settings.k() - 1);
    }

    ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("k", settings.k());
        root.putArray("quasi_identifiers").add("region").add("age_band");
        root.put("dates", settings.dates().code());
        root.put("rule", "every published (region, age_band) combination is shared by at least k episodes: a smaller class is"
                + " published under region 'other' with its age band, and what is still smaller than k there is left out");
        root.put("withheld_for_region_tables", "the cases of every hidden figure are never records: an episode (all its sessions,"
                + " trajectories and 3X10D rows) is left out when one of its outcome trajectories lies in a region_outcomes row (its"
                + " intake period or 'all') hiding a count or sum (every episode of the row) or its change category (the row's"
                + " episodes of that category), on the pages or in the export, or in a pages' alliance or on/off-track row with a figure"
                + " under min_cell (a 3X10D row with one loses that domain's rows); region_outcomes is then attacked together with a"
                + " recount of the remaining records (each a known part of its cell) and, while a hidden figure can be narrowed below"
                + " the protection, its row's (then its group's) episodes are left out too; k-anonymity is made on what remains");
        root.put("episodes_withheld", publishable(withheldEpisodes));
        root.put("episodes_withheld_entirely", publishable(lostToWithholding));
        if (withheld != null) {
            root.put("region_outcomes_rows_withheld", withheld.rows());
            root.put("audit_rounds", withheld.rounds());
        }
        root.put("smallest_published_class", result.smallest());
        root.put("episodes_published", result.recoded().size());
        root.put("episodes_pooled", publishable(result.pooled()));
        root.put("episodes_suppressed", publishable(result.suppressed()));
        ArrayNode classes = root.putArray("classes");
        for (KAnonymity.Step s : result.steps()) {
            ObjectNode c = classes.addObject();
            c.put("region", s.region());
            c.put("age_band", s.ageBand());
            c.put("episodes", s.action().equals("kept") ? Long.toString(s.episodes()) : "fewer than " + settings.k());
            c.put("action", s.action());
            if (s.published() != null) {
                c.put("published_region", s.published().region());
                c.put("published_age_band", s.published().ageBand());
            }
        }
        if (outcomes != null) {
            root.set("region_tables", tableControl());
        }
        ObjectNode tables = root.putObject("region_table_rows_with_blanked_cells");
        blankedRows.forEach(tables::put);
        root.put("other_measures", "case and episode ids replaced by episode_key (families cannot be linked across episodes);"
                + " dates coarsened to " + settings.dates().code() + "; source file names and line numbers dropped; 3X10D child"
                + " versions 7-9, 10-13 and 14-17 published as 7-17");
        return root;
    }

    /** The region tables' rule, protection, what was hidden and the audit (aggregate counts only: no cell's reason). */
    private ObjectNode tableControl() {
        ObjectNode t = JSON.createObjectNode();
        t.put("rule", outcomes.protection().describe());
        t.put("k", outcomes.protection().k());
        ObjectNode p = t.putObject("protection_interval");
        p.put("hidden_count", "the interval a hidden count can be narrowed to from everything published is at least k = "
                + outcomes.protection().k() + " wide");
        p.put("hidden_change_sum", "the interval of a hidden sum of change (n_complete x mean_change) is at least one case's range"
                + " wide (80 points for ORS/CORS/YCORS change, -40..40)");
        t.put("zeros", "shown, except as a part of a hidden count (a category of a hidden n_assessed, a term's count within a hidden whole-period count, complete cases of"
                + " hidden episodes,"
                + " 13-17 within a hidden 0-17, emergency placements within hidden placements outside the home): then hidden too, so a"
                + " hidden count may be 0; otherwise it is known to be at least 1, and the audit assumes exactly that");
        ObjectNode linked = t.putObject("linked_tables");
        linked.put("region_outcomes", "per row: categories add up to n_assessed; n_assessed <= n_complete <= n_episodes; per region x"
                + " instrument x respondent x arm: the terms add up to 'all' for every count and for n_complete x mean_change,"
                + " n_complete x intake_mean_complete and n_complete x latest_mean_complete (latest sum = intake sum + change sum)");
        t.put("pooled_effects_rows_withheld", pooledWithheld);
        t.put("pooled_effects_rule", "a pooled row is published only when every region it pools shows its whole-period g_av and"
                + " g_av_se: the fixed-effect, DerSimonian-Laird and REML rows are several equations in the hidden regions' effect sizes"
                + " and variances, and solved them");
        ObjectNode cells = t.putObject("region_outcomes_cells");
        outcomes.summary().forEach(cells::put);
        ObjectNode a = t.putObject("audit");
        a.put("method", "for every hidden count and change sum, its smallest and largest value given only the published rows and"
                + " the constraints, by linear programming (Commons Math SimplexSolver, integer relaxation, count bounds rounded inwards)");
        a.put("hidden_figures_attacked", audit.intervals().size());
        a.put("narrower_than_protection", audit.failures().size());
        a.put("passed", audit.passed());
        ObjectNode both = t.putObject("audit_with_the_pages");
        both.put("method", "the same attack on the union of what the pages (k = min_cell) and this export show: the export hides"
                + " every figure the pages hide, so together they show no more than the pages; attacked at the smaller k");
        both.put("pages_min_cell", pagesK);
        both.put("k", Math.min(outcomes.protection().k(), pagesK));
        both.put("hidden_figures_attacked", together.intervals().size());
        both.put("passed", together.passed());
        if (indicators != null) {
            ObjectNode i = t.putObject("project_indicators");
            i.put("linked_tables", "per row: skipped_meetings <= meetings, dropouts <= ended_episodes, families_reached <="
                    + " episodes_reached; per region: the periods add up to 'all' for episodes, measured episodes, meetings, skipped"
                    + " meetings, ended episodes and dropouts; a period's families are at most the whole's");
            i.put("hidden_figures_attacked", indicators.intervals().size());
            i.put("passed", indicators.passed());
        }
        if (rates != null) {
            ObjectNode r = t.putObject("region_rates");
            r.put("k", rates.k());
            r.put("linked_tables", "per indicator x age group x period: a county's count is the sum of its municipalities' (where"
                    + " they add up), and the national count (THL publishes it) the sum of the counties'; per region x indicator x age"
                    + " group: a year is the sum of its twelve months, and per region x indicator x period an age group the sum of the"
                    + " groups that tile it (0-17 = 0-6 + 7-12 + 13-17), each where every part is published and the counts add up, and"
                    + " a narrower age group at most a wider one it lies in (13-17 <= 0-17) where the counts keep it;"
                    + " a shown rate with its"
                    + " population is a shown count (count = rate x population / 1000), so a hidden count hides its rate and interval;"
                    + " counties and municipalities are protected together (the pages show municipal funnels), the export publishes"
                    + " the counties");
            r.put("region_effects_rows_withheld", effectsWithheld);
            r.put("region_effects_rule", "an indicator and age group with a hidden county count in any year has no region_effects rows:"
                    + " the estimates (pre-period level, difference-in-differences and its placebo SE, two-way fixed effects, synthetic"
                    + " control) are linear in every county's yearly rates, and with the shown rates and published populations they gave"
                    + " hidden counts back");
            r.put("counts", rates.cells());
            r.put("hidden_primary", rates.result().count(CellSuppression.Reason.PRIMARY));
            r.put("hidden_secondary", rates.result().count(CellSuppression.Reason.SECONDARY));
            r.put("hidden_figures_attacked", rateAudit.intervals().size());
            r.put("passed", rateAudit.passed());
        }
        t.put("not_covered", "intake_mean and latest_mean (all episodes) are hidden with n_episodes but are not in the audit (their weights, the"
                + " episodes with a score, are not published); region_rates indicators are not linked to one another (emergency placements among the"
                + " children placed outside the home);"
                + " a dropout count the outcomes stage left blank (min_cell) is in no constraint: its region's whole-period dropouts are"
                + " hidden with it (the periods add up)");
        if (withheld != null) {
            ObjectNode m = t.putObject("region_outcomes_with_microdata");
            m.put("method", "every figure hidden on both surfaces attacked by linear programming over the published figures and a"
                    + " recount of the published microdata (see withheld_for_region_tables)");
            m.put("hidden_figures_attacked", withheld.audit().intervals().size());
            m.put("passed", withheld.audit().passed());
        }
        t.put("microdata", "not covered: the pages' mean scores by session (their n per session) against the sessions records; what"
                + " scores imply about categories; project_indicators.episodes_reached against the recount (DATA_DICTIONARY.md)");
        return t;
    }

    String text() {
        try {
            return JSON.writeValueAsString(json()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
