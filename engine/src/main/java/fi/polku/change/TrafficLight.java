package fi.polku.change;

import java.util.Locale;

/** 3X10D's traffic lights for a domain rating: red 0–5, yellow 6–7, green 8–10 (Diak; bounds from the parameter table). */
public enum TrafficLight {
    RED, YELLOW, GREEN;

    /** The code written to tables. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The light of a rating, given the highest red and the highest yellow rating. */
    public static TrafficLight of(int rating, int redMax, int yellowMax) {
        return rating <= redMax ? RED : rating <= yellowMax ? YELLOW : GREEN;
    }
}
