/** Variation between areas: funnel plots with Poisson control limits and overdispersion, and between-area variation over time. */
package fi.polku.variation;
