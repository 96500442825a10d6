package fi.polku.contract;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Looks an enum constant up by its file code, case-insensitively. */
public final class Codes {
    private Codes() {
    }

    /**
     * The constant of {@code type} whose code equals {@code text} ignoring case and surrounding space.
     *
     * @return the constant, or empty when {@code text} is null or matches none
     */
    public static <E extends Enum<E>> Optional<E> lookup(Class<E> type, Function<E, String> code, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (code.apply(e).toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
