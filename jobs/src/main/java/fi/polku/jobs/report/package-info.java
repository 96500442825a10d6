/** The report stage: self-contained HTML summaries (Finnish or English) with SVG charts and disclosure control. */
package fi.polku.jobs.report;
