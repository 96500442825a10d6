package fi.polku.jobs.report;

/** What report tests share. */
public final class ReportTestSupport {
    private ReportTestSupport() {
    }

    /** Run time, run id, version and the config's checksum change from run to run; nothing else may. */
    public static String normalise(String html) {
        return html.replaceAll("(Laadittu|Generated): [^<]*</p>", "$1: GENERATED</p>")
                .replaceAll("\\d{8}T\\d{6}Z-[0-9a-f]{8}", "RUN-ID")
                .replaceAll("(Polku-(versio|version)):( <code translate=\"no\">)?[^ <]+", "$1:$3VERSION")
                .replaceAll("\\(SHA-256 [0-9a-f]{64}\\)", "(SHA-256 CONFIG)");
    }
}
