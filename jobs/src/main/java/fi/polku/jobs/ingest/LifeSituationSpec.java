package fi.polku.jobs.ingest;

import fi.polku.contract.Arm;
import fi.polku.contract.Codes;
import fi.polku.contract.LifeSituation;
import fi.polku.contract.LifeSituationVersion;
import fi.polku.contract.Respondent;
import fi.polku.contract.RowSource;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.ingest.Candidate;
import fi.polku.ingest.Checked;
import fi.polku.ingest.EpisodeRules;
import fi.polku.ingest.FieldLayout;
import fi.polku.ingest.IndicatorCatalog;
import fi.polku.ingest.IngestContext;
import fi.polku.ingest.InputContract;
import fi.polku.ingest.LifeSituationRules;
import fi.polku.ingest.RowRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** {@code life_situation} → {@code life_situation}. */
final class LifeSituationSpec implements DatasetSpec<LifeSituation> {
    private static final long serialVersionUID = 1L;

    @Override
    public String dataset() {
        return "life_situation";
    }

    @Override
    public TableSchema table() {
        return Tables.LIFE_SITUATION;
    }

    @Override
    public InputContract contract(boolean sotkanet) {
        return LifeSituationRules.CONTRACT;
    }

    @Override
    public RowRules<LifeSituation> rules(FieldLayout layout, InputFile file, IngestContext context, IndicatorCatalog catalog) {
        return new LifeSituationRules(layout, file.format().numberStyle(), context);
    }

    @Override
    public Object[] values(LifeSituation s) {
        List<Object> v = new ArrayList<>(List.of(s.caseId(), s.episodeId(), s.region(), s.arm().code(),
                s.respondent().code(), s.version().code(), s.assessmentDate()));
        v.add(s.round());
        v.add(s.roundDerived());
        v.addAll(s.domains());
        v.add(s.domainsAnswered());
        return v.toArray();
    }

    @Override
    public LifeSituation fromRow(Row r) {
        List<Integer> domains = new ArrayList<>();
        for (String d : LifeSituationRules.DOMAIN_COLUMNS) {
            domains.add(r.getAs(d));
        }
        return new LifeSituation(new RowSource(r.getAs("source_file"), r.<Long>getAs("source_line")),
                r.getAs("case_id"), r.getAs("episode_id"), r.getAs("region"),
                Codes.lookup(Arm.class, Arm::code, r.getAs("arm")).orElseThrow(),
                Codes.lookup(Respondent.class, Respondent::code, r.getAs("respondent")).orElseThrow(),
                Codes.lookup(LifeSituationVersion.class, LifeSituationVersion::code, r.getAs("version")).orElseThrow(),
                r.<LocalDate>getAs("assessment_date"), r.getAs("round"),
                Boolean.TRUE.equals(r.getAs("round_derived")), domains);
    }

    @Override
    public List<String> groupColumns() {
        return List.of("case_id", "episode_id");
    }

    @Override
    public Checked<LifeSituation> check(List<Candidate<LifeSituation>> group) {
        return EpisodeRules.LIFE_SITUATION.check(group);
    }
}
