/** Privacy rules: detection of Finnish personal identity codes and, later, disclosure control. */
package fi.polku.privacy;
