/** Client change: reliable and clinically significant change, trajectories, expected response, 3X10D domains. */
package fi.polku.change;
