/** Finnish regions: wellbeing services counties, Helsinki and Åland, and how input names resolve to them. */
package fi.polku.region;
