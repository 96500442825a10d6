package fi.polku.contract;

/** Who filled in a measure: the child or youth, or an adult rating the situation (possibly on the child's behalf). */
public enum Respondent {
    CHILD("child"),
    YOUTH("youth"),
    PARENT("parent"),
    OTHER_CAREGIVER("other_caregiver");

    private final String code;

    Respondent(String code) {
        this.code = code;
    }

    /** The code used in files and tables. */
    public String code() {
        return code;
    }

    /** Whether this respondent is an adult rating as parent or caregiver. */
    public boolean isCaregiver() {
        return this == PARENT || this == OTHER_CAREGIVER;
    }
}
