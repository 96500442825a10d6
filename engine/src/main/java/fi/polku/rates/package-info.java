/** Rates of regional statistics: counts per 1 000 of the same-age population with exact Poisson intervals. */
package fi.polku.rates;
