/**
 * Privacy rules: detection of Finnish personal identity codes, k-anonymity of microdata, and disclosure control of
 * published tables (linked tables, primary and secondary cell suppression, the attacker's-problem audit).
 */
package fi.polku.privacy;
