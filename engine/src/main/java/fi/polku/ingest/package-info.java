/** Validation rules of the input data contracts: header aliases, field parsing, row and cross-row rules. */
package fi.polku.ingest;
