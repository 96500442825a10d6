/** {@code polku export}: the disclosure-controlled student dataset, its datapackage, READMEs and disclosure report. */
package fi.polku.jobs.export;
