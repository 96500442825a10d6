/** The thin Spark adapter: sessions, declared schemas, and explicit Row ↔ record mapping (no bean encoders). */
package fi.polku.jobs.spark;
