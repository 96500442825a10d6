package fi.polku.jobs.reference;

import fi.polku.change.InstrumentParameters;
import fi.polku.ingest.Aliases;
import fi.polku.ingest.IndicatorCatalog;
import fi.polku.region.Municipality;
import fi.polku.region.MunicipalityTable;
import fi.polku.region.Region;
import fi.polku.region.RegionTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference tables of {@code datasets/} as the jar carries them under {@code polku/datasets/}: regions, municipalities,
 * header and value aliases, the Sotkanet indicator catalog and the instrument parameters. Serializable so Spark tasks can carry it.
 */
public final class ReferenceData implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String ROOT = "/polku/datasets/";

    private transient RegionTable regions;
    private transient MunicipalityTable municipalities;
    private transient Aliases aliases;
    private transient IndicatorCatalog indicators;
    private transient InstrumentParameters parameters;

    private ReferenceData() {
    }

    /** The tables bundled with this build. */
    public static ReferenceData bundled() {
        return new ReferenceData();
    }

    /** Regions of {@code regions.csv}. */
    public synchronized RegionTable regions() {
        if (regions == null) {
            regions = RegionTable.of(read("regions.csv", r -> new Region(r.get("code"), optionalInt(r.get("sotkanet_id")),
                    optionalInt(r.get("sotkanet_id_old")), r.get("name_fi"), r.get("official_name"),
                    r.get("name_sv"), r.get("name_en"))));
        }
        return regions;
    }

    /** Municipalities of {@code municipalities.csv}, each with its county. */
    public synchronized MunicipalityTable municipalities() {
        if (municipalities == null) {
            municipalities = MunicipalityTable.of(read("municipalities.csv", r -> new Municipality(r.get("code"),
                    r.get("name_fi"), blank(r.get("name_sv")), blank(r.get("name_en")), r.get("county_code"),
                    optionalInt(r.get("valid_from")), optionalInt(r.get("valid_to")), blank(r.get("merged_into")))), regions());
        }
        return municipalities;
    }

    /** Municipality code → total population on 31.12.2020 ({@code municipalities.csv}, column population_2020). */
    public Map<String, Long> population2020() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (CSVRecord r : read("municipalities.csv", r -> r)) {
            if (!r.get("population_2020").isBlank()) {
                out.put(r.get("code"), Long.parseLong(r.get("population_2020").strip()));
            }
        }
        return out;
    }

    /** Aliases of {@code aliases.csv}. */
    public synchronized Aliases aliases() {
        if (aliases == null) {
            aliases = Aliases.of(read("aliases.csv",
                    r -> new Aliases.Entry(r.get("scope"), r.get("alias"), r.get("canonical"))));
        }
        return aliases;
    }

    /** The indicators of {@code indicators.csv}: Sotkanet ids, what each counts, plausible maximum rates. */
    public synchronized IndicatorCatalog indicators() {
        if (indicators == null) {
            List<IndicatorCatalog.SotkanetIndicator> known = new ArrayList<>();
            List<IndicatorCatalog.Indicator> bounds = new ArrayList<>();
            for (CSVRecord r : read("indicators.csv", r -> r)) {
                Integer id = optionalInt(r.get("sotkanet_id"));
                if (id != null) {
                    known.add(new IndicatorCatalog.SotkanetIndicator(id, r.get("indicator"), r.get("age_group")));
                }
                String max = r.get("max_per_1000").strip();
                bounds.add(new IndicatorCatalog.Indicator(r.get("indicator"), r.get("age_group"),
                        r.get("counts").equals("events") ? IndicatorCatalog.Counts.EVENTS : IndicatorCatalog.Counts.PERSONS,
                        max.isEmpty() ? null : Double.valueOf(max)));
            }
            indicators = IndicatorCatalog.of(known, bounds);
        }
        return indicators;
    }

    /** Instrument parameters of {@code instrument_parameters.csv}. */
    public synchronized InstrumentParameters parameters() {
        if (parameters == null) {
            parameters = InstrumentParameters.of(read("instrument_parameters.csv", r -> new InstrumentParameters.Parameter(
                    r.get("instrument"), r.get("parameter"), r.get("age_band"), r.get("value"), r.get("unit"),
                    r.get("status"), r.get("source"))));
        }
        return parameters;
    }

    private static <T> List<T> read(String name, Function<CSVRecord, T> map) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + ROOT + name + ": rebuild with mvn package");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<T> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                out.add(map.apply(r));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + name, e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer optionalInt(String s) {
        return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
    }
}
