/** Writes outputs: staged under the output root, published only when complete, with a manifest. */
package fi.polku.jobs.output;
