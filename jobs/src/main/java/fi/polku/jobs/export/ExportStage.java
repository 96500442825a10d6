package fi.polku.jobs.export;

import static org.apache.spark.sql.functions.col;

import fi.polku.contract.ChangeTables;
import fi.polku.contract.ExportTables;
import fi.polku.contract.OutcomeTables;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.jobs.config.ConfigError;
import fi.polku.jobs.config.ExportSettings;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.output.Manifest;
import fi.polku.jobs.pipeline.SmallTables;
import fi.polku.jobs.pipeline.Stage;
import fi.polku.jobs.pipeline.StageRun;
import fi.polku.jobs.pipeline.Versions;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.jobs.disclosure.DisclosureRefused;
import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.jobs.disclosure.PooledDisclosure;
import fi.polku.jobs.disclosure.SensitivitySeries;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.KAnonymity;
import fi.polku.region.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * {@code polku export}: the student dataset from the current outputs, under {@code export/} in a new output
 * version. Sessions, trajectories and 3X10D domain change become k-anonymous in (region, child's age band)
 * ({@link KAnonymity}) with coarsened dates and new keys; region outcomes go through the disclosure control the
 * pages use (primary and secondary suppression, audited by linear programming: a leak stops the export, nothing
 * is written), rates by {@link fi.polku.jobs.disclosure.RateDisclosure} (project indicators likewise, {@link IndicatorTable}); status
 * columns become codebook codes ({@link StatusColumns}); every table is written as Parquet, CSV and
 * Finnish-Excel CSV, with {@code datapackage.json}, {@code disclosure.json}, READMEs in English and Finnish, the
 * data dictionary, the Finnish codebook ({@link Koodikirja}) and R and SPSS syntax ({@link SyntaxFiles}), all
 * labelled from one {@link Codebook}. Not part of
 * {@code polku run}: releasing data is a decision, taken with this command.
 */
public final class ExportStage implements Stage {
    /** The export's folder in the output root. */
    public static final String FOLDER = "export";

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String description() {
        return "Student dataset: k-anonymous sessions, trajectories and domain change, region tables under the k rule,"
                + " as Parquet, CSV and Finnish-Excel CSV with a Frictionless datapackage.json and a disclosure report.";
    }

    @Override
    public List<String> produces() {
        return List.of(FOLDER);
    }

    @Override
    public void run(StageRun run) {
        RunConfig config = run.config();
        ExportSettings settings = config.export();
        List<Manifest.Input> inputs = run.provenance();
        boolean synthetic = inputs.stream().anyMatch(Manifest.Input::synthetic);
        ExportSettings.Licence licence = licence(settings, synthetic, config.file().getFileName().toString());
        SparkSession spark = run.spark();
        Dataset<Row> sessions = run.read(Tables.SESSIONS);
        Dataset<Row> domains = run.read(Tables.DOMAIN_CHANGE);
        Dataset<Row> trajectories = run.read(Tables.TRAJECTORIES);

        // Disclosure control first, so a refusal writes nothing. The pages publish the same rows at min_cell: the
        // export hides at least what they hide, and the two are attacked together as well as the export alone
        // (from its published rows, as a student with the CSV would).
        List<Row> outcomeRows = SmallTables.query(run, OutcomeTables.REGION_OUTCOMES, "region", "instrument", "respondent", "arm",
                "period");
        OutcomeDisclosure pages = OutcomeDisclosure.protect(outcomeRows, config.outcomes().minCell());
        RegionTables.Outcomes protectedOutcomes = RegionTables.outcomes(outcomeRows, settings.k(), pages);
        List<Row> outcomes = protectedOutcomes.rows();
        DisclosureAudit.Result audit = RegionTables.audit(outcomes, settings.k());
        if (!audit.passed()) {
            throw new DisclosureRefused("the export's region_outcomes", audit);
        }
        DisclosureAudit.Result together = protectedOutcomes.disclosure().auditTogether(pages);
        if (!together.passed()) {
            throw new DisclosureRefused("the export's region_outcomes together with the pages", together);
        }
        // region_rates: one control for the export and the pages (RateDisclosure at the larger of min_cell and export.k,
        // counties and municipalities linked); the export publishes its county rows and audits them alone.
        RegionTables.Rates rates = RegionTables.rates(SmallTables.query(run, Tables.REGION_RATES, "region", "indicator", "age_group", "period",
                "month"), config);
        DisclosureAudit.Result rateAudit = rates.audit();
        if (!rateAudit.passed()) {
            throw new DisclosureRefused("the export's region_rates", rateAudit);
        }
        if (settings.k() > config.outcomes().minCell()) {
            run.warn("export.k " + settings.k() + " is above min_cell " + config.outcomes().minCell() + ": the export hides more, but the"
                    + " pages already show region_outcomes counts from " + config.outcomes().minCell() + " up; set min_cell to at least"
                    + " export.k to publish everything under one k");
        }
        // Episodes whose records would recount a hidden figure are left out of the microdata, chosen with the LP audit of
        // region_outcomes against a recount of what remains; k-anonymity is made on what remains.
        List<String> rowKeys = outcomeRows.stream().map(r -> OutcomeDisclosure.key(r.getAs("region"), r.getAs("instrument"),
                r.getAs("respondent"), r.getAs("arm"), r.getAs("period"))).toList();
        int pageK = config.outcomes().minCell();
        // The pages' reliability sensitivity (the report stage's own control, SensitivitySeries) is ordered and adds up to
        // region_outcomes' n_assessed: the records are attacked with it as well.
        SensitivitySeries sensitivity = SensitivitySeries.protect(SmallTables.query(run, ChangeTables.CHANGE_SENSITIVITY, "region", "instrument",
                "respondent", "arm", "reliability_source"), pages, pageK);
        WithheldMicrodata.Choice withheld = WithheldMicrodata.choose(trajectories, config.outcomes().periods(), protectedOutcomes.disclosure(),
                pages, rowKeys, PageRowsWithheld.episodes(trajectories, pageK), sensitivity.views());
        domains = PageRowsWithheld.domainsPublishable(domains, pageK);
        Map<String, KAnonymity.Identifiers> identifiers = EpisodeKeys.identifiers(sessions, domains);
        Map<String, KAnonymity.Identifiers> remaining = new java.util.LinkedHashMap<>(identifiers);
        remaining.keySet().retainAll(EpisodeKeys.episodes(WithheldMicrodata.without(sessions, withheld.episodes()),
                WithheldMicrodata.without(domains, withheld.episodes())));
        KAnonymity.Result result = KAnonymity.recode(remaining, settings.k());
        Dataset<Row> keys = EpisodeKeys.table(spark, result, config.outcomes().seed()).cache();

        Codebook codebook = Codebook.bundled();
        ExportFiles files = new ExportFiles(fileSystem(run), run.location(FOLDER), codebook, settings.language());
        List<ExportFiles.Written> written = new ArrayList<>();
        written.add(files.publish(ExportTables.SESSIONS, Microdata.of(Tables.SESSIONS, ExportTables.SESSIONS, sessions, keys, settings.dates(),
                withheld.episodes())));
        written.add(files.publish(ExportTables.TRAJECTORIES, Microdata.of(Tables.TRAJECTORIES, ExportTables.TRAJECTORIES, trajectories, keys,
                settings.dates(), withheld.episodes())));
        written.add(files.publish(ExportTables.DOMAIN_CHANGE, Microdata.of(Tables.DOMAIN_CHANGE, ExportTables.DOMAIN_CHANGE, domains, keys,
                settings.dates(), withheld.episodes())));

        DisclosureReport disclosure = new DisclosureReport(result, settings);
        disclosure.outcomes(protectedOutcomes.disclosure(), audit, together, config.outcomes().minCell());
        disclosure.withheld(withheld, withheld.episodes().count(), identifiers.size() - remaining.size());
        disclosure.blanked("region_outcomes", RegionTables.blanked(outcomes, ExportTables.REGION_OUTCOMES));
        written.add(files.publish(ExportTables.REGION_OUTCOMES, spark.createDataFrame(outcomes, SparkSchemas.of(ExportTables.REGION_OUTCOMES))));
        disclosure.rates(rates.disclosure(), rateAudit);
        disclosure.blanked("region_rates", RegionTables.blanked(rates.rows(), ExportTables.REGION_RATES));
        written.add(files.publish(ExportTables.REGION_RATES, spark.createDataFrame(rates.rows(), SparkSchemas.of(ExportTables.REGION_RATES))));
        // Effect estimates are linear in every county's rates: none is published for an indicator and age group with a
        // hidden county count (RateDisclosure.withholdsEstimates).
        List<Row> effects = SmallTables.query(run, Tables.REGION_EFFECTS, "region", "indicator", "age_group", "method");
        List<Row> shownEffects = effects.stream().filter(r -> !rates.disclosure().withholdsEstimates(r.getAs("indicator"), r.getAs("age_group")))
                .toList();
        disclosure.effectsWithheld(effects.size() - shownEffects.size());
        written.add(files.publish(ExportTables.REGION_EFFECTS, spark.createDataFrame(shownEffects, SparkSchemas.of(Tables.REGION_EFFECTS))));
        // A pooled estimate is published only over regions whose effect sizes the export shows (PooledDisclosure).
        List<Row> pooled = SmallTables.query(run, OutcomeTables.POOLED_EFFECTS, "instrument", "respondent", "arm", "measure", "method");
        List<Row> shownPooled = PooledDisclosure.shown(pooled, RegionTables.named(outcomes, ExportTables.REGION_OUTCOMES));
        disclosure.pooledWithheld(pooled.size() - shownPooled.size());
        written.add(files.publish(ExportTables.POOLED_EFFECTS, spark.createDataFrame(shownPooled, SparkSchemas.of(OutcomeTables.POOLED_EFFECTS))));
        List<Row> indicators = IndicatorTable.indicators(SmallTables.query(run, OutcomeTables.PROJECT_INDICATORS, "region", "period"),
                settings.k(), protectedOutcomes.disclosure());
        DisclosureAudit.Result indicatorAudit = IndicatorTable.audit(indicators, settings.k());
        if (!indicatorAudit.passed()) {
            throw new DisclosureRefused("the export's project_indicators", indicatorAudit);
        }
        disclosure.indicators(indicatorAudit);
        disclosure.blanked("project_indicators", RegionTables.blanked(indicators, ExportTables.PROJECT_INDICATORS));
        written.add(files.publish(ExportTables.PROJECT_INDICATORS, spark.createDataFrame(indicators,
                SparkSchemas.of(ExportTables.PROJECT_INDICATORS))));
        written.add(files.publish(ExportTables.REGIONS, regions(spark, keys, outcomes, rates.rows())));

        DataDictionary dictionary = DataDictionary.bundled();
        DataPackage.About about = new DataPackage.About(DataPackage.name(config.project(), config.asOf().toString()),
                config.project() + (synthetic && !config.project().toUpperCase(Locale.ROOT).contains("SYNTHETIC") ? " (SYNTHETIC)" : "")
                        + ": student dataset", config.project(), config.asOf().toString(),
                synthetic, licence, settings, run.runId(), Versions.polku(), inputs, disclosure.json());
        files.writeText("datapackage.json", DataPackage.json(about, written, dictionary, codebook));
        files.writeText("disclosure.json", disclosure.text());
        files.writeText("README.md", DatasetReadme.render(DatasetReadme.Language.EN, about, written, disclosure));
        files.writeText("LUEMINUT.md", DatasetReadme.render(DatasetReadme.Language.FI, about, written, disclosure));
        files.writeText("DATA_DICTIONARY.md", dictionary.text());
        files.writeText("KOODIKIRJA.md", Koodikirja.markdown(about, written, codebook, dictionary));
        files.writeText("KOODIKIRJA.html", Koodikirja.html(about, written, codebook, dictionary));
        files.writeText(SyntaxFiles.SPSS, SyntaxFiles.spss(written, codebook));
        files.writeText(SyntaxFiles.R, SyntaxFiles.r(written, codebook));
        run.recordFolder(FOLDER, written.size() * 3L + 9);

        long rows = written.stream().mapToLong(ExportFiles.Written::rows).sum();
        run.detail(String.format(Locale.ROOT, "k = %d on (region, age band): %,d episodes published, %,d pooled into 'other', %,d left"
                        + " out; smallest class %,d; dates by %s", settings.k(), result.recoded().size(), result.pooled(),
                result.suppressed(), result.smallest(), settings.dates().code()));
        Map<String, Long> hidden = protectedOutcomes.disclosure().summary();
        run.detail(String.format(Locale.ROOT, "region tables: %,d outcome rows and %,d rate rows with figures hidden; outcome cells"
                        + " hidden %,d primary, %,d with them, %,d secondary of %,d; LP audit of %,d hidden figures passed",
                disclosure.blankedRows().get("region_outcomes"), disclosure.blankedRows().get("region_rates"), hidden.get("primary"),
                hidden.get("consequential"), hidden.get("secondary"), hidden.get("cells"), audit.intervals().size()));
        run.detail("dataset, datapackage.json, disclosure.json, README.md, LUEMINUT.md → " + config.output() + "/" + FOLDER);
        run.summarise(identifiers.size(), rows, result.suppressed());
    }

    /**
     * The dataset's licence: the configured one; CC BY 4.0 for synthetic data; for real data without one, a
     * configuration error, because the data controller decides the terms of real data, not Polku.
     */
    static ExportSettings.Licence licence(ExportSettings settings, boolean synthetic, String configName) {
        if (settings.licence() != null) {
            return settings.licence();
        }
        if (synthetic) {
            return ExportSettings.Licence.CC_BY_4_0;
        }
        throw new ConfigError("config " + configName + ": key 'export.licence' is required to export real data: the data"
                + " controller decides its terms (e.g. licence: {name: CC-BY-4.0, title: ..., path: ...})");
    }

    /** The file system of the new version, without Hadoop's .crc side files (students get the data files only). */
    private static FileSystem fileSystem(StageRun run) {
        Path folder = run.location(FOLDER);
        try {
            FileSystem fs = folder.getFileSystem(run.spark().sparkContext().hadoopConfiguration());
            return fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
        } catch (IOException e) {
            throw new UncheckedIOException("export " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The regions the export names, with their names in Finnish, Swedish and English ({@code other} included). */
    private static Dataset<Row> regions(SparkSession spark, Dataset<Row> keys, List<Row> outcomes, List<Row> rates) {
        TreeSet<String> codes = new TreeSet<>();
        keys.select(col("export_region")).distinct().collectAsList().forEach(r -> codes.add(r.getString(0)));
        outcomes.forEach(r -> codes.add(r.getString(ExportTables.REGION_OUTCOMES.indexOf("region"))));
        rates.forEach(r -> codes.add(r.getString(ExportTables.REGION_RATES.indexOf("region"))));
        List<Row> rows = new ArrayList<>();
        for (String code : codes) {
            if (code.equals(KAnonymity.OTHER_REGION)) {
                rows.add(RowFactory.create(code, "muut alueet", "övriga områden", "other regions"));
            } else {
                Region r = ReferenceData.bundled().regions().byCode(code)
                        .or(() -> ReferenceData.bundled().municipalities().regions().byCode(code)).orElse(null);
                rows.add(r == null ? RowFactory.create(code, code, code, code) : RowFactory.create(code, r.nameFi(), r.nameSv(), r.nameEn()));
            }
        }
        return spark.createDataFrame(rows, SparkSchemas.of(ExportTables.REGIONS));
    }
}
