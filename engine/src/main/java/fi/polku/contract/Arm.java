package fi.polku.contract;

/** Which arm of an evaluation a case belongs to. */
public enum Arm {
    /** Served by the development project. */
    PROJECT("project"),
    /** Usual services, the comparison group. */
    COMPARISON("comparison");

    private final String code;

    Arm(String code) {
        this.code = code;
    }

    /** The code used in files and tables. */
    public String code() {
        return code;
    }
}
