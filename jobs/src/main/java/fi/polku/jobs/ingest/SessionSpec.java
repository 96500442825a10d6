package fi.polku.jobs.ingest;

import fi.polku.contract.AgeBand;
import fi.polku.contract.Arm;
import fi.polku.contract.Codes;
import fi.polku.contract.FitSession;
import fi.polku.contract.Instrument;
import fi.polku.contract.Respondent;
import fi.polku.contract.RowSource;
import fi.polku.contract.Scores;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.ingest.Candidate;
import fi.polku.ingest.Checked;
import fi.polku.ingest.EpisodeRules;
import fi.polku.ingest.FieldLayout;
import fi.polku.ingest.FitSessionRules;
import fi.polku.ingest.IndicatorCatalog;
import fi.polku.ingest.IngestContext;
import fi.polku.ingest.InputContract;
import fi.polku.ingest.RowRules;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;

/** {@code fit_sessions} → {@code sessions}. */
final class SessionSpec implements DatasetSpec<FitSession> {
    private static final long serialVersionUID = 1L;

    @Override
    public String dataset() {
        return "fit_sessions";
    }

    @Override
    public TableSchema table() {
        return Tables.SESSIONS;
    }

    @Override
    public InputContract contract(boolean sotkanet) {
        return FitSessionRules.CONTRACT;
    }

    @Override
    public RowRules<FitSession> rules(FieldLayout layout, InputFile file, IngestContext context, IndicatorCatalog catalog) {
        return new FitSessionRules(layout, file.format().numberStyle(), context);
    }

    @Override
    public Object[] values(FitSession s) {
        Scores sc = s.scores();
        return new Object[] {s.caseId(), s.episodeId(), s.region(), s.arm().code(), s.respondent().code(),
            s.ageBand().code(), s.instrument().code(), s.sessionDate(), s.sessionNo(), s.sessionNoDerived(),
            sc.item(1), sc.item(2), sc.item(3), sc.item(4), sc.total(), sc.isSkipped()};
    }

    @Override
    public FitSession fromRow(Row r) {
        Scores scores = r.<Boolean>getAs("skipped") ? Scores.skipped()
                : r.isNullAt(r.fieldIndex("item1")) ? Scores.ofTotal(r.<Double>getAs("total"))
                : new Scores(List.of(r.<Double>getAs("item1"), r.<Double>getAs("item2"), r.<Double>getAs("item3"),
                        r.<Double>getAs("item4")), r.<Double>getAs("total"));
        Integer no = r.getAs("session_no");
        return new FitSession(new RowSource(r.getAs("source_file"), r.<Long>getAs("source_line")),
                r.getAs("case_id"), r.getAs("episode_id"), r.getAs("region"),
                Codes.lookup(Arm.class, Arm::code, r.getAs("arm")).orElseThrow(),
                Codes.lookup(Respondent.class, Respondent::code, r.getAs("respondent")).orElseThrow(),
                Codes.lookup(AgeBand.class, AgeBand::code, r.getAs("age_band")).orElseThrow(),
                Codes.lookup(Instrument.class, Instrument::code, r.getAs("instrument")).orElseThrow(),
                r.<LocalDate>getAs("session_date"), no, Boolean.TRUE.equals(r.getAs("session_no_derived")), scores);
    }

    @Override
    public List<String> groupColumns() {
        return List.of("case_id", "episode_id");
    }

    @Override
    public Checked<FitSession> check(List<Candidate<FitSession>> group) {
        return EpisodeRules.SESSIONS.check(group);
    }
}
