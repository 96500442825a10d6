package fi.polku.jobs.effect;

import fi.polku.region.AreaLevel;
import fi.polku.region.MunicipalityTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One yearly count with its population for one area, as the variation and effect estimates read
 * {@code region_rates}; and the county figures summed from municipalities when a panel has no county rows.
 */
record AreaObservation(String region, String indicator, String ageGroup, int year, long count, long population,
                       double ratePer1000, boolean synthetic) {

    AreaLevel level() {
        return AreaLevel.ofCode(region);
    }

    /**
     * County observations summed from the municipal ones of indicator × age group panels that have no county rows
     * (a Sotkanet pull at municipality level). A municipality not in {@code municipalities.csv} for that year is
     * left out and counted in {@code skipped}.
     */
    static List<AreaObservation> countiesFromMunicipalities(List<AreaObservation> all, MunicipalityTable municipalities,
                                                           Map<String, Long> skipped) {
        Map<String, Boolean> hasCounty = new LinkedHashMap<>();
        for (AreaObservation o : all) {
            hasCounty.merge(o.indicator() + "\u0000" + o.ageGroup(), o.level() == AreaLevel.COUNTY, Boolean::logicalOr);
        }
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Boolean> synthetic = new LinkedHashMap<>();
        for (AreaObservation o : all) {
            if (o.level() != AreaLevel.MUNICIPALITY || hasCounty.get(o.indicator() + "\u0000" + o.ageGroup())) {
                continue;
            }
            String county = municipalities.countyOf(o.region(), o.year()).orElse(null);
            if (county == null) {
                skipped.merge("municipality " + o.region() + " not in municipalities.csv for " + o.year(), 1L, Long::sum);
                continue;
            }
            String key = String.join("\u0000", county, o.indicator(), o.ageGroup(), Integer.toString(o.year()));
            long[] s = sums.computeIfAbsent(key, k -> new long[2]);
            s[0] += o.count();
            s[1] += o.population();
            synthetic.merge(key, o.synthetic(), Boolean::logicalOr);
        }
        List<AreaObservation> out = new ArrayList<>();
        sums.forEach((key, s) -> {
            String[] k = key.split("\u0000");
            // the rate as PoissonRate.perThousand computes it, so summed and published rows agree bit for bit
            out.add(new AreaObservation(k[0], k[1], k[2], Integer.parseInt(k[3]), s[0], s[1], s[0] * (1000.0 / s[1]),
                    synthetic.get(key)));
        });
        return out;
    }
}
