package fi.polku.region;

import java.util.Objects;

/**
 * A municipality (kunta) and the wellbeing services county its area belongs to.
 *
 * @param code       the official three-digit code, e.g. {@code 491}
 * @param nameFi     Finnish name
 * @param nameSv     Swedish name, or null when not sourced (the Finnish name stands in)
 * @param nameEn     English name, or null when not sourced (the Finnish name stands in)
 * @param countyCode the code of the county in {@code regions.csv} whose area includes the municipality
 * @param validFrom  first year the municipality existed in this form, or null (before every year Polku reads)
 * @param validTo    last year, or null (still exists)
 * @param mergedInto the code of the municipality it merged into after {@code validTo}, or null
 */
public record Municipality(String code, String nameFi, String nameSv, String nameEn, String countyCode, Integer validFrom,
                           Integer validTo, String mergedInto) {
    public Municipality {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameFi, "nameFi");
        Objects.requireNonNull(countyCode, "countyCode");
        if (!code.matches("\\d{3}")) {
            throw new IllegalArgumentException("municipality code must be three digits, was '" + code + "'");
        }
        if (validFrom != null && validTo != null && validTo < validFrom) {
            throw new IllegalArgumentException("municipality " + code + " ends (" + validTo + ") before it starts (" + validFrom + ")");
        }
    }

    /** Whether the municipality existed in this form in {@code year}. */
    public boolean existsIn(int year) {
        return (validFrom == null || year >= validFrom) && (validTo == null || year <= validTo);
    }

    /** As a {@link Region} of level {@link AreaLevel#MUNICIPALITY}, missing names filled by the Finnish one. */
    public Region asRegion() {
        return new Region(code, null, null, nameFi, nameFi, nameSv == null ? nameFi : nameSv, nameEn == null ? nameFi : nameEn);
    }
}
