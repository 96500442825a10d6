/**
 * Disclosure control of the published tables: how each published table maps onto the engine's linked tables
 * ({@link fi.polku.privacy.LinkedTables}), the suppression applied to it, and the audit that refuses to publish.
 */
package fi.polku.jobs.disclosure;
