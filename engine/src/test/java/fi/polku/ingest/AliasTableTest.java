package fi.polku.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.AgeBand;
import fi.polku.contract.Arm;
import fi.polku.contract.LifeSituationVersion;
import fi.polku.contract.Respondent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every alias in datasets/aliases.csv points at something the contracts accept. */
class AliasTableTest {
    private static final List<InputContract> CONTRACTS = List.of(FitSessionRules.CONTRACT, LifeSituationRules.CONTRACT,
            RegionStatisticRules.CONTRACT, SotkanetRules.CONTRACT, PopulationRules.CONTRACT);

    private static final Map<String, Set<String>> VALUES = Map.of(
            "arm", codes(Arm.values(), Arm::code),
            "respondent", codes(Respondent.values(), Respondent::code),
            "age_band", codes(AgeBand.values(), AgeBand::code),
            "version", codes(LifeSituationVersion.values(), LifeSituationVersion::code),
            "skipped", Set.of("true", "false"),
            "gender", Set.of("total"));

    private static <E> Set<String> codes(E[] values, java.util.function.Function<E, String> code) {
        return Arrays.stream(values).map(code).collect(Collectors.toSet());
    }

    @Test
    void headerAliasesNameAcceptedColumnsAndValueAliasesValidCodes() throws IOException {
        Set<String> columns = new HashSet<>();
        CONTRACTS.forEach(c -> columns.addAll(c.names()));
        List<String> lines = Files.readAllLines(Path.of("..", "datasets", "aliases.csv"), StandardCharsets.UTF_8);
        assertEquals("scope,alias,canonical,note", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String scope = f[0];
            if (scope.startsWith(Aliases.HEADER)) {
                String dataset = scope.contains(":") ? scope.substring(scope.indexOf(':') + 1) : null;
                boolean accepted = CONTRACTS.stream().filter(c -> dataset == null || c.dataset().equals(dataset))
                        .anyMatch(c -> c.accepts(f[2]));
                assertTrue(accepted, "header alias " + line + " names no accepted column");
            } else {
                assertTrue(VALUES.containsKey(scope), "no value scope " + scope + ": " + line);
                assertTrue(VALUES.get(scope).contains(f[2]), "value alias " + line + " names no valid code");
            }
        }
    }

    @Test
    void finnishHeadersResolve() {
        Aliases a = ReferenceTables.aliases();
        assertEquals("session_date", a.header("fit_sessions", "Tapaamispäivä"));
        assertEquals("age_band", a.header("fit_sessions", "Ikäryhmä"));
        assertEquals("age_group", a.header("region_statistics", "Ikäryhmä"));
        assertEquals("period", a.header("region_statistics", "Vuosi"));
        assertEquals("year", a.header("populations", "Vuosi"));
        assertEquals("abs_value", a.header("sotkanet", "absValue"));
        assertEquals("d05", a.header("life_situation", "Perhe ja läheiset"));
        assertEquals("true", a.value("skipped", "Kyllä"));
        assertEquals("13-17", a.value("age_band", "13 – 17"));
    }

    @Test
    void foldsTheCommonCodesWithoutChangingThem() {
        // The fast paths of Aliases.fold must give what its general steps give (worked out by hand from them).
        assertEquals("ors", Aliases.fold("ORS"));
        assertEquals("cors2", Aliases.fold("CoRS2"));
        assertEquals("13-17", Aliases.fold("13-17"));
        assertEquals("0-5", Aliases.fold("0-5"));
        assertEquals("18+", Aliases.fold("18+"));
        assertEquals("5", Aliases.fold("-5"));
        assertEquals("13-17", Aliases.fold("13 - 17"));
        assertEquals("etela_savo", Aliases.fold("Etelä-Savo"));
    }
}
