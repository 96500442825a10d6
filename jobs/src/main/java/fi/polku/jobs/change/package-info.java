/** The change stage on Spark: trajectories, the local expected response, and 3X10D domain change. */
package fi.polku.jobs.change;
