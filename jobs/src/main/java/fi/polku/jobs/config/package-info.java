/** The run configuration: one YAML file, every key checked, relative paths resolved against the file's folder. */
package fi.polku.jobs.config;
