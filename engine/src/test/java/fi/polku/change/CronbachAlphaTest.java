package fi.polku.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cronbach's α and its Feldt interval against base R (the formula; psych is not in Debian), and the
 * accumulator's order- and split-invariance that Spark relies on.
 */
class CronbachAlphaTest {

    @Test
    void alphaAndFeldtIntervalMatchBaseR() throws IOException {
        Map<String, List<double[]>> items = items();
        int checked = 0;
        for (String line : lines("/cronbach_alpha_feldt.csv")) {
            if (line.startsWith("#") || line.startsWith("group,")) {
                continue;
            }
            String[] f = line.split(",");
            CronbachAlpha a = CronbachAlpha.create(Integer.parseInt(f[2]));
            items.get(f[0]).forEach(a::accept);
            assertEquals(Long.parseLong(f[1]), a.count(), f[0]);
            CronbachAlpha.Estimate e = a.estimate(Double.parseDouble(f[3]));
            // R 4.2.2, engine/src/test/resources/r/cronbach_alpha_feldt.R (call in the vector's header): to 1e-9.
            assertEquals(Double.parseDouble(f[4]), e.alpha(), 1e-9, f[0] + " alpha");
            assertEquals(Double.parseDouble(f[5]), e.lower(), 1e-9, f[0] + " Feldt lower at " + f[3]);
            assertEquals(Double.parseDouble(f[6]), e.upper(), 1e-9, f[0] + " Feldt upper at " + f[3]);
            checked++;
        }
        assertEquals(10, checked, "five groups at two levels");
    }

    @Test
    void sameResultInAnyOrderAndAnySplit() throws IOException {
        List<double[]> rows = new ArrayList<>(items().get("n400_k4"));
        CronbachAlpha whole = CronbachAlpha.create(4);
        rows.forEach(whole::accept);
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            Collections.shuffle(rows, random);
            int cut = random.nextInt(rows.size());
            CronbachAlpha a = CronbachAlpha.create(4);
            CronbachAlpha b = CronbachAlpha.create(4);
            rows.subList(0, cut).forEach(a::accept);
            rows.subList(cut, rows.size()).forEach(b::accept);
            CronbachAlpha merged = random.nextBoolean() ? a.combine(b) : b.combine(a);
            assertEquals(whole.alpha(), merged.alpha(), 0.0, "bit-identical");
            assertEquals(whole.estimate(0.95), merged.estimate(0.95));
        }
    }

    @Test
    void edgeCasesAreNaNOrClearErrors() {
        assertTrue(Double.isNaN(CronbachAlpha.create(4).alpha()), "no one");
        assertTrue(Double.isNaN(CronbachAlpha.create(4).accept(1, 2, 3, 4).estimate(0.95).lower()), "one person");
        CronbachAlpha flat = CronbachAlpha.create(2).accept(5, 5).accept(5, 5);
        assertTrue(Double.isNaN(flat.alpha()), "no variance in the total");
        // [COMP] two perfectly parallel items: α = 2 · (1 − 2/4) = 1.
        assertEquals(1.0, CronbachAlpha.create(2).accept(1, 1).accept(3, 3).accept(8, 8).alpha(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.create(1));
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.create(4).accept(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.create(2).accept(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.create(2).combine(CronbachAlpha.create(3)));
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.create(2).estimate(1.0));
    }

    /** The item data of the R script, by group. */
    static Map<String, List<double[]>> items() throws IOException {
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        for (String line : lines("/cronbach_alpha_items.csv")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            groups.computeIfAbsent(f[0], g -> new ArrayList<>())
                    .add(Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray());
        }
        return groups;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = CronbachAlphaTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
