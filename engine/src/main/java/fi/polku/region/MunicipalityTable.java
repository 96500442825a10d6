package fi.polku.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The municipalities of {@code datasets/municipalities.csv}: names resolved like regions, the county each
 * belongs to, and where a merged municipality's area went.
 */
public final class MunicipalityTable {
    private final Map<String, Municipality> byCode;
    private final RegionTable names;

    private MunicipalityTable(Map<String, Municipality> byCode, RegionTable names) {
        this.byCode = byCode;
        this.names = names;
    }

    /**
     * A table of these municipalities.
     *
     * @param counties the county table every {@code countyCode} and nothing else must come from
     * @throws IllegalArgumentException on a repeated code, an unknown county, a merger into an unknown code, or two
     *                                  municipalities whose names would resolve ambiguously
     */
    public static MunicipalityTable of(Collection<Municipality> municipalities, RegionTable counties) {
        Map<String, Municipality> byCode = new LinkedHashMap<>();
        List<Region> regions = new ArrayList<>();
        for (Municipality m : municipalities) {
            if (byCode.put(m.code(), m) != null) {
                throw new IllegalArgumentException("municipality code " + m.code() + " appears twice");
            }
            if (counties.byCode(m.countyCode()).isEmpty()) {
                throw new IllegalArgumentException("municipality " + m.code() + " names county " + m.countyCode()
                        + ", which is not in regions.csv");
            }
            regions.add(m.asRegion());
        }
        for (Municipality m : byCode.values()) {
            if (m.mergedInto() != null && !byCode.containsKey(m.mergedInto())) {
                throw new IllegalArgumentException("municipality " + m.code() + " merged into unknown code " + m.mergedInto());
            }
        }
        return new MunicipalityTable(byCode, RegionTable.of(regions));
    }

    /** The municipalities as a region table, for resolving names and codes in inputs. */
    public RegionTable regions() {
        return names;
    }

    /** The municipality with this code. */
    public Optional<Municipality> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The county whose area included this municipality in {@code year}: the municipality's own county while it
     * existed, empty for a year outside its validity or an unknown code.
     */
    public Optional<String> countyOf(String code, int year) {
        Municipality m = byCode.get(code);
        return m == null || !m.existsIn(year) ? Optional.empty() : Optional.of(m.countyCode());
    }

    /** The municipality whose area includes {@code code}'s area in {@code year}, following mergers forward. */
    public Optional<Municipality> successor(String code, int year) {
        Municipality m = byCode.get(code);
        for (int guard = 0; m != null && m.validTo() != null && year > m.validTo() && guard < byCode.size(); guard++) {
            m = m.mergedInto() == null ? null : byCode.get(m.mergedInto());
        }
        return m == null || !m.existsIn(year) ? Optional.empty() : Optional.of(m);
    }

    /** The municipalities existing in {@code year} whose area belongs to {@code county}, in code order. */
    public List<Municipality> inCounty(String county, int year) {
        return byCode.values().stream().filter(m -> m.countyCode().equals(county) && m.existsIn(year))
                .sorted(java.util.Comparator.comparing(Municipality::code)).toList();
    }

    /** All municipalities in table order. */
    public List<Municipality> all() {
        return List.copyOf(byCode.values());
    }
}
