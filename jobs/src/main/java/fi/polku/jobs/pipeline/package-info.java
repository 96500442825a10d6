/** The pipeline: stages run in order into one new output version, published only when all succeed. */
package fi.polku.jobs.pipeline;
