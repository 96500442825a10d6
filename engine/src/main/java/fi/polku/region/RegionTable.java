package fi.polku.region;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the many ways exports name a region (official code with or without a leading zero, Sotkanet id,
 * short or official name in Finnish, Swedish or English, any case) to one {@link Region}.
 */
public final class RegionTable {
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s_\\-–]+");
    private final Map<String, Region> byCode;
    private final Map<String, Region> byKey;
    /** {@link #resolve} worked out once for each code and name exactly as the table writes it: most rows do. */
    private final Map<String, Region> byText;

    private RegionTable(Map<String, Region> byCode, Map<String, Region> byKey) {
        this.byCode = byCode;
        this.byKey = byKey;
        this.byText = new HashMap<>();
        for (Region r : byCode.values()) {
            for (String text : java.util.Arrays.asList(r.code(), r.nameFi(), r.officialName(), r.nameSv(), r.nameEn())) {
                if (text != null && !text.isBlank() && byKey.containsKey(normalise(text))) {
                    byText.put(text, byKey.get(normalise(text)));
                }
            }
        }
    }

    /**
     * A table of the given regions.
     *
     * @throws IllegalArgumentException if two regions share a code or a name that would resolve ambiguously
     */
    public static RegionTable of(Collection<Region> regions) {
        Map<String, Region> byCode = new LinkedHashMap<>();
        Map<String, Region> byKey = new HashMap<>();
        for (Region r : regions) {
            if (byCode.put(r.code(), r) != null) {
                throw new IllegalArgumentException("region code " + r.code() + " appears twice");
            }
            for (String key : keys(r)) {
                Region other = byKey.put(key, r);
                if (other != null && !other.code().equals(r.code())) {
                    throw new IllegalArgumentException("region key '" + key + "' names both " + other.code()
                            + " and " + r.code());
                }
            }
        }
        return new RegionTable(byCode, byKey);
    }

    /** The region that {@code text} names, if any. */
    public Optional<Region> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Region exact = byText.get(text);
        return Optional.ofNullable(exact != null ? exact : byKey.get(normalise(text)));
    }

    /** The region with this stored code. */
    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The region with this Sotkanet id (current or earlier numbering). */
    public Optional<Region> bySotkanetId(int id) {
        return byCode.values().stream()
                .filter(r -> Integer.valueOf(id).equals(r.sotkanetId()) || Integer.valueOf(id).equals(r.sotkanetIdOld()))
                .findFirst();
    }

    /** All regions in table order. */
    public List<Region> regions() {
        return List.copyOf(byCode.values());
    }

    private static List<String> keys(Region r) {
        List<String> keys = new ArrayList<>(List.of(
                normalise(r.code()), normalise(r.nameFi()), normalise(r.officialName()),
                normalise(r.nameSv()), normalise(r.nameEn())));
        if (r.code().matches("0\\d")) {
            keys.add(r.code().substring(1));
        } else if (r.code().matches("\\d")) {
            keys.add("0" + r.code());
        }
        return keys;
    }

    /**
     * Case-, space- and hyphen-insensitive key that also folds ä, ö and å to a, o and a, because ASCII-only
     * exports write "Etela-Savo"; {@link #of} refuses a table in which the folding would make two regions
     * collide.
     */
    static String normalise(String text) {
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        s = s.replace('ä', 'a').replace('ö', 'o').replace('å', 'a');
        return SEPARATORS.matcher(s).replaceAll(" ");
    }

}
