/** Loads the reference tables of {@code datasets/} (regions, aliases, indicators) that the jar carries. */
package fi.polku.jobs.reference;
