package fi.polku.ingest;

import fi.polku.contract.Arm;
import fi.polku.contract.LifeSituation;
import fi.polku.contract.LifeSituationVersion;
import fi.polku.contract.Respondent;
import fi.polku.region.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Row rules of {@code life_situation} (3X10D): ids, region, version, date, an optional round, and ten domain
 * ratings that are whole numbers 0–10 or blank (not answered). At least one domain must be answered.
 */
public final class LifeSituationRules implements RowRules<LifeSituation> {
    /** Domain column names d01..d10. */
    public static final List<String> DOMAIN_COLUMNS = domainColumns();

    /** The columns of {@code life_situation}. */
    public static final InputContract CONTRACT = new InputContract("life_situation", contractColumns(), List.of());

    /** Upper bound of rounds; more assessments in one episode point to an id mix-up. */
    static final int MAX_ROUND = 100;

    private final FieldLayout layout;
    private final NumberStyle style;
    private final IngestContext context;

    /** Rules for one file with this layout and number style. */
    public LifeSituationRules(FieldLayout layout, NumberStyle style, IngestContext context) {
        this.layout = layout;
        this.style = style;
        this.context = context;
    }

    @Override
    public Parsed<LifeSituation> parse(RawRecord record) {
        RowReader r = new RowReader(layout, record, style, context);
        Problem width = RowRules.fieldCount(layout, record);
        if (width != null) {
            r.problem(width.column(), width.reason(), width.message());
            return r.rejected();
        }
        String caseId = r.identifier("case_id", true);
        String episodeId = r.identifier("episode_id", false);
        Region region = r.region("region");
        Arm arm = r.code("arm", Arm.class, Arm::code, Arm.PROJECT);
        Respondent respondent = r.code("respondent", Respondent.class, Respondent::code, null);
        LifeSituationVersion version = r.code("version", LifeSituationVersion.class, LifeSituationVersion::code, null);
        LocalDate date = r.date("assessment_date", true);
        Long round = r.integer("round", 1, MAX_ROUND);
        List<Integer> domains = new ArrayList<>();
        int answered = 0;
        for (String column : DOMAIN_COLUMNS) {
            Long d = r.integer(column, LifeSituationVersion.RATING_MIN, LifeSituationVersion.RATING_MAX);
            domains.add(d == null ? null : d.intValue());
            if (r.text(column) != null) {
                answered++;
            }
        }
        if (answered == 0) {
            r.problem(DOMAIN_COLUMNS.get(0), ReasonCode.NO_DOMAIN_ANSWERED, "none of the ten domains is answered");
        }
        if (!r.ok()) {
            return r.rejected();
        }
        return new Parsed.Accepted<>(new LifeSituation(record.source(), caseId,
                episodeId == null ? caseId : episodeId, region.code(), arm, respondent, version, date,
                round == null ? null : round.intValue(), false, domains));
    }

    private static List<String> domainColumns() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= LifeSituationVersion.DOMAINS; i++) {
            names.add(String.format("d%02d", i));
        }
        return List.copyOf(names);
    }

    private static List<InputContract.InputColumn> contractColumns() {
        List<InputContract.InputColumn> columns = new ArrayList<>(List.of(
                new InputContract.InputColumn("case_id", true),
                new InputContract.InputColumn("episode_id", false),
                new InputContract.InputColumn("region", true),
                new InputContract.InputColumn("arm", false),
                new InputContract.InputColumn("respondent", true),
                new InputContract.InputColumn("version", true),
                new InputContract.InputColumn("assessment_date", true),
                new InputContract.InputColumn("round", false)));
        for (String d : domainColumns()) {
            columns.add(new InputContract.InputColumn(d, true));
        }
        return columns;
    }
}
