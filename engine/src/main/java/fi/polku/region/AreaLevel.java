package fi.polku.region;

import java.util.Locale;

/**
 * The two levels Polku's statistics come at: wellbeing services counties (with Helsinki and Åland; two-digit
 * codes) and municipalities (kunta; three-digit codes).
 */
public enum AreaLevel {
    COUNTY, MUNICIPALITY;

    /** The level's name in configs and outputs. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level of a stored area code: three digits is a municipality, anything else a county. */
    public static AreaLevel ofCode(String code) {
        return code != null && code.length() == 3 && code.chars().allMatch(Character::isDigit) ? MUNICIPALITY : COUNTY;
    }

    /** The level {@code text} names (county, municipality; case-insensitive). */
    public static AreaLevel parse(String text) {
        for (AreaLevel l : values()) {
            if (l.key().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("area level must be county or municipality, was '" + text + "'");
    }
}
