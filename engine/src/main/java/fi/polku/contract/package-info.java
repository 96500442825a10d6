/** The data contracts of Polku's inputs and outputs: typed records, their enums and declared table schemas. */
package fi.polku.contract;
