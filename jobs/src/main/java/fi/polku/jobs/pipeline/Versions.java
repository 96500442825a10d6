package fi.polku.jobs.pipeline;

/** Versions recorded in every manifest. */
public final class Versions {
    private Versions() {
    }

    /** This build's version from the jar manifest, or "dev" outside a jar. */
    public static String polku() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static String spark() {
        return org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }
}
