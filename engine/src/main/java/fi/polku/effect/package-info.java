/** Region effects: interrupted time series, difference-in-differences, synthetic control, and their honesty rules. */
package fi.polku.effect;
