package fi.polku.jobs.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import fi.polku.contract.Tables;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.disclosure.DisclosureRefused;
import fi.polku.jobs.disclosure.IndicatorDisclosure;
import fi.polku.jobs.disclosure.RateDisclosure;
import fi.polku.jobs.disclosure.SensitivitySeries;
import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.jobs.pipeline.SmallTables;
import fi.polku.jobs.pipeline.Stage;
import fi.polku.jobs.pipeline.StageRun;
import fi.polku.jobs.pipeline.Versions;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.spark.Concurrently;
import fi.polku.privacy.DisclosureAudit;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The report stage: the overview and one page per project region as self-contained HTML (inline CSS and SVG,
 * no script, no network), in the config's language, under {@code <output>/report/}; beside each page, for
 * carrying figures into documents, its tables as one XLSX workbook and each chart as an SVG and a PNG file.
 */
public final class ReportStage implements Stage {
    /** The folder of the pages inside the output. */
    public static final String FOLDER = "report";

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String description() {
        return "HTML summaries: an overview and a page per region, Finnish or English, with charts and disclosure control; charts as SVG/PNG and tables as XLSX beside them.";
    }

    @Override
    public List<String> produces() {
        return List.of(FOLDER);
    }

    @Override
    public void run(StageRun run) {
        RunConfig config = run.config();
        // The rates' disclosure control and the variation tables do not depend on the outcome tables: they run on a
        // second driver thread while this one reads and protects the outcomes (both are single-threaded work).
        try (Concurrently pieces = new Concurrently()) {
            // region_rates by the export's rule (RateDisclosure: counties and municipalities linked, the nation's count
            // known), audited in its making over everything either surface shows: a hidden rate leaves the charts and
            // funnels.
            Supplier<RateDisclosure> ratesOf = pieces.submit(() -> RateDisclosure.protect(SmallTables.query(run,
                    Tables.REGION_RATES, "region", "indicator", "age_group", "period", "month"), config));
            Supplier<VariationSection.Data> variationOf = pieces.submit(() -> VariationSection.collect(run));
            build(run, config, ratesOf, variationOf);
        }
    }

    private static void build(StageRun run, RunConfig config, Supplier<RateDisclosure> ratesOf,
                              Supplier<VariationSection.Data> variationOf) {
        Messages m = Messages.of(config.language());
        ReportData collected = ReportData.collect(run);
        // The pages publish region_outcomes under the same disclosure control as the export, audited again from the
        // published rows alone; a leak refuses the report (exit code 6) before any page is written.
        OutcomeDisclosure outcomes = OutcomeDisclosure.protect(collected.outcomes(), config.outcomes().minCell());
        DisclosureAudit.Result audit = outcomes.auditPublished();
        if (!audit.passed()) {
            throw new DisclosureRefused("the report's outcome tables", audit);
        }
        // Project indicators likewise, by the export's rule (periods add up to the whole).
        IndicatorDisclosure indicators = IndicatorDisclosure.protect(collected.indicators(), config.outcomes().minCell(), outcomes);
        RateDisclosure rates = ratesOf.get();
        ReportData data = collected.withOutcomes(outcomes.published()).withIndicators(indicators.published())
                .withRates(collected.rates().stream().filter(r -> !rates.hidden(r)).toList()).withoutEstimatesOver(rates);
        Map<String, LocalDate> starts = new LinkedHashMap<>();
        config.regions().forEach(r -> starts.put(r.region(), r.start()));
        List<String> regions = starts.isEmpty() ? OverviewPage.regionsIn(data) : new ArrayList<>(starts.keySet());
        var inputs = run.provenance();
        boolean synthetic = inputs.stream().anyMatch(i -> i.synthetic())
                || data.outcomes().stream().anyMatch(r -> Boolean.TRUE.equals(r.getAs("synthetic")))
                || data.effects().stream().anyMatch(r -> Boolean.TRUE.equals(r.getAs("synthetic")));
        // change_sensitivity beside region_outcomes, every series attacked together with it (one rule with the export).
        SensitivitySeries sensitivity = SensitivitySeries.protect(collected.sensitivity(), outcomes, config.outcomes().minCell());
        ReportContext context = new ReportContext(m, new Disclosure(config.outcomes().minCell(), m, sensitivity, outcomes, indicators.besideOutcomes()), data,
                ReferenceData.bundled().regions(), regions, starts, config.projectLabel().in(config.language()), config.breaks(),
                config.unitCosts(),
                m.date(config.asOf()), m.dateTime(Instant.now()), synthetic,
                inputs, config.file().getFileName().toString(), config.sha256(), Versions.polku(), run.runId(),
                config.change().method().name(), config.outcomes().seed());
        Mustache template = new DefaultMustacheFactory("fi/polku/jobs/report").compile("page.mustache");
        Map<String, Page> pages = new LinkedHashMap<>();
        VariationSection.Data variation = variationOf.get().without(rates);
        List<Page> built = new ArrayList<>();
        built.add(OverviewPage.build(context, variation));
        for (String region : regions) {
            built.add(RegionPage.build(context, region, variation));
        }
        // Every page's own tables are known only now: the disclosure section (same on every page) comes last.
        List<String> estimatesWithheld = collected.effects().stream().map(r -> List.of(r.<String>getAs("indicator"), r.<String>getAs("age_group")))
                .distinct().filter(g -> rates.withholdsEstimates(g.get(0), g.get(1)))
                .map(g -> m.textOr("indicator." + g.get(0), g.get(0)) + " " + g.get(1)).toList();
        DisclosureSection section = new DisclosureSection(m, context.disclosure(), outcomes, audit, indicators, rates, estimatesWithheld);
        for (int i = 0; i < built.size(); i++) {
            built.get(i).section(section.build());
            pages.put(i == 0 ? "index.html" : ReportContext.regionFile(regions.get(i - 1)), built.get(i));
        }
        // Each page with its workbook and chart files is independent of the others: written side by side.
        List<Callable<Integer>> writes = new ArrayList<>();
        pages.forEach((file, page) -> writes.add(() -> writePage(run, template, file, page)));
        int files = Concurrently.run(writes).stream().mapToInt(Integer::intValue).sum();
        int charts = pages.values().stream().mapToInt(p -> p.chartFiles().size()).sum();
        run.recordFolder(FOLDER, files);
        run.detail(String.format(java.util.Locale.ROOT, "%d pages in %s (%s)%s → %s/%s/index.html", pages.size(),
                m.lang().equals("fi") ? "Finnish" : "English", m.lang(), synthetic ? ", SYNTHETIC banner" : "",
                config.output(), FOLDER));
        Map<String, Long> hidden = outcomes.summary();
        run.detail(String.format(java.util.Locale.ROOT, "disclosure control (k = %d): outcome cells hidden %,d primary, %,d with them,"
                        + " %,d secondary of %,d; LP audit of %,d hidden figures passed", config.outcomes().minCell(), hidden.get("primary"),
                hidden.get("consequential"), hidden.get("secondary"), hidden.get("cells"), audit.intervals().size()));
        run.detail(String.format(java.util.Locale.ROOT, "beside them: %d charts as SVG and PNG, %d workbooks (XLSX) of the tables",
                charts, pages.size()));
        run.summarise(data.outcomes().size() + data.effects().size(), pages.size(), 0);
    }

    /**
     * Writes a page and its files beside it ({@code <stem>.xlsx}, {@code <stem>-chart-<i>.svg} and {@code .png}),
     * linked from the page; returns how many files it wrote.
     */
    private static int writePage(StageRun run, Mustache template, String file, Page page) {
        String stem = file.substring(0, file.length() - ".html".length());
        page.files(stem + ".xlsx", stem + "-chart");
        run.writeText(FOLDER + "/" + file, render(template, page));
        run.writeBytes(FOLDER + "/" + stem + ".xlsx", Workbook.of(page));
        List<String> names = page.chartFiles();
        int i = 0;
        for (Page.Section section : page.sections()) {
            for (Chart chart : section.charts()) {
                String name = names.get(i++);
                run.writeText(FOLDER + "/" + name + ".svg", ChartFiles.svg(chart));
                run.writeBytes(FOLDER + "/" + name + ".png", ChartFiles.png(chart));
            }
        }
        return 2 + 2 * names.size();
    }

    private static String render(Mustache template, Page page) {
        StringWriter out = new StringWriter();
        template.execute(out, page.scope());
        return out.toString();
    }
}
