package fi.polku.jobs.disclosure;

import fi.polku.privacy.DisclosureAudit;

/**
 * The disclosure audit found a hidden figure that the published ones pin down more narrowly than the protection
 * allows: nothing is published (exit code 6).
 */
public final class DisclosureRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal naming the surface and the narrowest failing interval. */
    public DisclosureRefused(String surface, DisclosureAudit.Result audit) {
        super(message(surface, audit));
    }

    private static String message(String surface, DisclosureAudit.Result audit) {
        DisclosureAudit.Interval worst = audit.failures().stream()
                .min((a, b) -> Double.compare(a.width() - a.required(), b.width() - b.required())).orElseThrow();
        return String.format(java.util.Locale.ROOT, "disclosure audit failed for %s: %d hidden figure(s) can be narrowed below the"
                        + " protection, e.g. %s to [%s, %s] (needs a width of %s); nothing was published", surface, audit.failures().size(),
                worst.cell(), trim(worst.lower()), trim(worst.upper()), trim(worst.required()));
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
