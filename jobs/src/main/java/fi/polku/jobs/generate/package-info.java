/** The seeded, streaming generator of synthetic inputs: the demo data and the benchmark's large inputs. */
package fi.polku.jobs.generate;
