package fi.polku.jobs.pipeline;

/** Versions recorded in every manifest. */
public final class Versions {
    private Versions() {
    }

    /**
     * This build: the version and, for the jar, its build time ({@code 0.1.0-SNAPSHOT+2026-11-22T09:40:00Z}), so
     * that a rebuilt SNAPSHOT counts as a new version and re-runs its stages; "dev" outside a jar.
     */
    public static String polku() {
        String v = Versions.class.getPackage().getImplementationVersion();
        if (v == null) {
            return "dev";
        }
        try (var in = Versions.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            String built = in == null ? null : new java.util.jar.Manifest(in).getMainAttributes().getValue("Build-Time");
            return built == null ? v : v + "+" + built;
        } catch (java.io.IOException e) {
            return v;
        }
    }

    public static String spark() {
        return org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }
}
