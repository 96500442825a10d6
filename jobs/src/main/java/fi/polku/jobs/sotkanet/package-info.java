/** Pulling placement and notification statistics from THL's Sotkanet indicator bank into Polku's long format. */
package fi.polku.jobs.sotkanet;
