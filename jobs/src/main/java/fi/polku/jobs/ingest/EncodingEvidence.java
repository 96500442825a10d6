package fi.polku.jobs.ingest;

import java.util.Locale;

/**
 * Whether a file's bytes are UTF-8, Windows-1252 or a mix, from every byte of it in order: valid multi-byte UTF-8
 * characters are counted, and the first line of a byte that is not UTF-8 and of one Windows-1252 does not define is
 * kept. {@link FormatScan} feeds it; {@link #charset} decides.
 */
final class EncodingEvidence {
    private static final int[] CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D};

    /** Continuation bytes still expected of the current multi-byte character, and the range of the next one. */
    private int pending;
    private int lowerBound = 0x80;
    private int upperBound = 0xBF;
    private long multiByte;
    private long firstMultiByteLine;
    private long firstInvalidLine;
    private long firstUndefinedLine;
    private int undefinedByte;

    /** Whether the last byte left a multi-byte character unfinished. */
    boolean inCharacter() {
        return pending > 0;
    }

    void accept(int b, long line) {
        if (pending > 0) {
            if (b < lowerBound || b > upperBound) {
                invalid(line);
                pending = 0;
                accept(b, line); // the byte may start a new character
                return;
            }
            lowerBound = 0x80;
            upperBound = 0xBF;
            if (--pending == 0) {
                multiByte++;
                if (firstMultiByteLine == 0) {
                    firstMultiByteLine = line;
                }
            }
            return;
        }
        if (b < 0x80) {
            return;
        }
        for (int u : CP1252_UNDEFINED) {
            if (b == u && firstUndefinedLine == 0) {
                firstUndefinedLine = line;
                undefinedByte = b;
            }
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
            // Every lead byte sets the bounds of its next byte: after a broken E0/ED/F0/F4 sequence the narrowed
            // bounds stayed, and the next UTF-8 letter (C3 A4) was called broken too.
            lowerBound = 0x80;
            upperBound = 0xBF;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            lowerBound = b == 0xE0 ? 0xA0 : 0x80;
            upperBound = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            lowerBound = b == 0xF0 ? 0x90 : 0x80;
            upperBound = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            invalid(line);
        }
    }

    /** The file has ended on this line: a character still unfinished is not UTF-8. */
    void end(long line) {
        if (pending > 0) {
            invalid(line);
        }
    }

    private void invalid(long line) {
        if (firstInvalidLine == 0) {
            firstInvalidLine = line;
        }
    }

    /**
     * The file's charset: UTF-8 with a byte-order mark or when every byte is UTF-8, else Windows-1252.
     *
     * @throws InputRejected when a marked file holds bytes that are not UTF-8, the file mixes encodings, or a byte
     *                       is neither UTF-8 nor a Windows-1252 character
     */
    String charset(String name, boolean bom) {
        if (bom || firstInvalidLine == 0) {
            if (bom && firstInvalidLine > 0) {
                throw new InputRejected(name + " line " + firstInvalidLine + ": the file starts with a UTF-8 byte-order"
                        + " mark but holds bytes that are not UTF-8; save it again as UTF-8");
            }
            return "UTF-8";
        }
        if (multiByte > 0) {
            throw new InputRejected(name + ": the file mixes encodings: UTF-8 letters (first on line " + firstMultiByteLine
                    + ") and bytes that are not UTF-8 (first on line " + firstInvalidLine + "); save it again as UTF-8");
        }
        if (firstUndefinedLine > 0) {
            throw new InputRejected(name + " line " + firstUndefinedLine + ": byte 0x" + Integer.toHexString(undefinedByte)
                    .toUpperCase(Locale.ROOT) + " is neither UTF-8 nor a Windows-1252 character; save the file as UTF-8");
        }
        return "windows-1252";
    }
}
