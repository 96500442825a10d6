package fi.polku.region;

import java.util.Objects;

/**
 * A region statistics are reported for: a wellbeing services county, the City of Helsinki, or Åland.
 *
 * @param code         the region's code as Polku stores it (the official two-digit code, e.g. {@code 12})
 * @param sotkanetId   THL Sotkanet's region id (from 2024), or null when unknown
 * @param sotkanetIdOld Sotkanet's earlier id for the same area, or null
 * @param nameFi       short Finnish name ("Etelä-Savo")
 * @param officialName the official Finnish name ("Etelä-Savon hyvinvointialue")
 * @param nameSv       Swedish name
 * @param nameEn       English name
 */
public record Region(String code, Integer sotkanetId, Integer sotkanetIdOld, String nameFi, String officialName,
                     String nameSv, String nameEn) {
    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameFi, "nameFi");
        Objects.requireNonNull(officialName, "officialName");
        Objects.requireNonNull(nameSv, "nameSv");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
