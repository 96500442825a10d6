package fi.polku.jobs.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.privacy.Protection;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The pages' reach table under the linked rule, on a constructed comparison arm of two clients with five meetings
 * (k = 5): the primary rule alone hid the 2 and showed the 5, and since every client had a meeting the attacker
 * knew the clients were 1 to 5 — an interval 4 wide, narrower than k.
 */
class ReachDisclosureTest {
    private static final int K = 5;
    private static final StructType SCHEMA = new StructType().add("region", DataTypes.StringType).add("arm", DataTypes.StringType)
            .add("meetings", DataTypes.LongType).add("clients", DataTypes.LongType);

    private static Row row(String arm, long meetings, long clients) {
        return new GenericRowWithSchema(new Object[] {"10", arm, meetings, clients}, SCHEMA);
    }

    private static final List<Row> ROWS = List.of(row("project", 412, 61), row("comparison", 5, 2));

    @Test
    void thePrimaryRuleAlonePinnedTheHiddenClientsByTheShownMeetings() {
        Protection p = Protection.of(K);
        var audit = ReachDisclosure.audit(ROWS, (r, column) -> p.primary(((Number) r.getAs(column)).longValue()), K);
        assertFalse(audit.passed());
        assertEquals(4, audit.intervals().get("10|comparison/clients").width(), 1e-9, "1 to 5 clients");
    }

    @Test
    void linkedSuppressionHidesTheMeetingsToo() {
        ReachDisclosure d = ReachDisclosure.protect(ROWS, K);
        assertTrue(d.hidden(ROWS.get(1), "clients"));
        assertTrue(d.hidden(ROWS.get(1), "meetings"), "the 5 meetings bound the clients");
        assertFalse(d.hidden(ROWS.get(0), "clients"));
        assertTrue(ReachDisclosure.audit(ROWS, d::hidden, K).passed());
    }
}
