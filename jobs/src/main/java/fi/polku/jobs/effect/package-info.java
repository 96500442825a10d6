/** The effects stage on Spark: regional rates, and per project region the ITS and DiD estimates with their caveats. */
package fi.polku.jobs.effect;
