/** Reads input files (detecting encoding, delimiter, decimal separator), screens them for identity codes, and runs the ingest job. */
package fi.polku.jobs.ingest;
