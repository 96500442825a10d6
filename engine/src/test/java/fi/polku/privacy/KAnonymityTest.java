package fi.polku.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.privacy.KAnonymity.Identifiers;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pooling and suppression order, and the guarantee itself checked on random data: no published class below k. */
class KAnonymityTest {
    private static final String[] BANDS = {"0-5", "6-12", "13-17", "unknown"};

    /** Episodes e0, e1, … : {@code counts} pairs of "region/band" and how many episodes have it. */
    private static Map<String, Identifiers> episodes(Object... regionBandCount) {
        Map<String, Identifiers> m = new LinkedHashMap<>();
        for (int i = 0; i < regionBandCount.length; i += 2) {
            String[] rb = ((String) regionBandCount[i]).split("/");
            for (int j = 0; j < (Integer) regionBandCount[i + 1]; j++) {
                m.put("e" + m.size(), new Identifiers(rb[0], rb[1]));
            }
        }
        return m;
    }

    @Test
    void classesOfKOrMoreAreKept() {
        KAnonymity.Result r = KAnonymity.recode(episodes("A/13-17", 5, "A/6-12", 7), 5);
        assertEquals(new Identifiers("A", "13-17"), r.recoded().get("e0"));
        assertEquals(5, r.smallest());
        assertTrue(r.steps().stream().allMatch(s -> s.action().equals("kept")));
    }

    @Test
    void smallClassesArePooledAcrossRegionsWithTheirBand() {
        KAnonymity.Result r = KAnonymity.recode(episodes("A/13-17", 20, "A/6-12", 3, "B/13-17", 9, "B/6-12", 2), 5);
        assertEquals(new Identifiers(KAnonymity.OTHER_REGION, "6-12"), r.recoded().get("e20"));
        assertEquals(new Identifiers("B", "13-17"), r.recoded().get("e23"));
        assertEquals(5, r.smallest());
        assertEquals(5, r.pooled());
        assertEquals(0, r.suppressed());
    }

    @Test
    void whatIsStillShortAfterPoolingIsSuppressed() {
        KAnonymity.Result r = KAnonymity.recode(episodes("A/13-17", 20, "B/0-5", 3), 5);
        assertEquals(3, r.suppressed());
        assertEquals(20, r.recoded().size());
        assertNull(r.steps().get(1).published());
        assertEquals("suppressed", r.steps().get(1).action());
    }

    @Test
    void kMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> KAnonymity.recode(Map.of(), 0));
    }

    @Test
    void noPublishedClassIsSmallerThanKAndNoEpisodeIsLost() {
        Random random = new Random(20240801);
        for (int trial = 0; trial < 2_000; trial++) {
            int k = 1 + random.nextInt(10);
            int regions = 1 + random.nextInt(6);
            Map<String, Identifiers> in = new LinkedHashMap<>();
            int n = random.nextInt(120);
            for (int i = 0; i < n; i++) {
                // Skewed: region 0 and band 13-17 are common, as in the projects' data.
                int region = random.nextInt(3) == 0 ? random.nextInt(regions) : 0;
                String band = random.nextInt(4) == 0 ? BANDS[random.nextInt(BANDS.length)] : "13-17";
                in.put("e" + i, new Identifiers("R" + region, band));
            }
            KAnonymity.Result r = KAnonymity.recode(in, k);
            Map<Identifiers, Integer> classes = new HashMap<>();
            r.recoded().values().forEach(q -> classes.merge(q, 1, Integer::sum));
            for (Map.Entry<Identifiers, Integer> c : classes.entrySet()) {
                assertTrue(c.getValue() >= k, "trial " + trial + ": class " + c.getKey() + " has " + c.getValue() + " < k " + k);
            }
            assertEquals(in.size(), r.recoded().size() + r.suppressed(), "trial " + trial + ": every episode kept or suppressed");
            // Published identifiers are the original ones, or the pooled region with the original band.
            r.recoded().forEach((episode, q) -> {
                Identifiers original = in.get(episode);
                assertEquals(original.ageBand(), q.ageBand());
                assertTrue(q.region().equals(original.region()) || q.region().equals(KAnonymity.OTHER_REGION));
            });
            // Nothing is generalised or suppressed that did not have to be.
            for (KAnonymity.Step s : r.steps()) {
                assertEquals(s.episodes() >= k, "kept".equals(s.action()), "trial " + trial + ": " + s);
            }
        }
    }
}
