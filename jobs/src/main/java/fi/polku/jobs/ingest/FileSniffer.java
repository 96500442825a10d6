package fi.polku.jobs.ingest;

import fi.polku.ingest.NumberStyle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Detects a file's encoding, delimiter, decimal separator and synthetic flag from its first bytes.
 *
 * <p>Encoding: a UTF-8 byte-order mark, else UTF-8 when the sample decodes strictly as UTF-8, else
 * Windows-1252 (the encoding of Finnish Excel exports). UTF-16 is refused. Delimiter: whichever of
 * {@code ;} {@code ,} and tab occurs most in the header line outside quotes. Decimal separator: with
 * {@code ;} or tab, comma when more fields of the sample look like {@code 12,5} than like {@code 12.5};
 * with {@code ,} as delimiter always a point. Synthetic: a comment line ({@code #}) before the header that
 * says "synthetic" (or "synteettinen").
 */
public final class FileSniffer {
    /** How much of a file is looked at. */
    public static final int SAMPLE_BYTES = 64 * 1024;
    private static final Pattern POINT_DECIMAL = Pattern.compile("\"?-?\\d+\\.\\d+\"?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("\"?-?\\d+,\\d+\"?");

    private FileSniffer() {
    }

    /**
     * Sniffs the first bytes of a file.
     *
     * @param name   the file's name, for messages
     * @param sample up to {@link #SAMPLE_BYTES} bytes from the start of the file
     * @param atEnd  whether the sample is the whole file
     * @throws InputRejected when the file is empty, UTF-16, or has no recognisable header
     */
    public static FileFormat sniff(String name, byte[] sample, boolean atEnd) {
        boolean bom = sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB
                && (sample[2] & 0xFF) == 0xBF;
        if (sample.length >= 2 && ((sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE
                || (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF)) {
            throw new InputRejected(name + ": the file is UTF-16; save it as UTF-8 or Windows-1252 (ANSI)");
        }
        String charset = bom || isUtf8(sample, atEnd) ? "UTF-8" : "windows-1252";
        String text = new String(sample, bom ? 3 : 0, sample.length - (bom ? 3 : 0),
                charset.equals("UTF-8") ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset));
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            throw new InputRejected(name + ": the file is empty");
        }
        if (trimmed.charAt(0) == '[' || trimmed.charAt(0) == '{') {
            return new FileFormat(true, charset, bom, ',', NumberStyle.DECIMAL_POINT, false);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        boolean synthetic = false;
        int headerLine = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                String lower = line.toLowerCase(Locale.ROOT);
                synthetic |= lower.contains("synthetic") || lower.contains("synteettinen");
            } else if (!line.isEmpty()) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new InputRejected(name + ": no header line found (only comments or blank lines)");
        }
        char delimiter = delimiter(name, headerLine + 1, lines[headerLine]);
        NumberStyle style = delimiter == ',' ? NumberStyle.DECIMAL_POINT
                : numberStyle(Arrays.copyOfRange(lines, headerLine + 1, Math.min(lines.length, headerLine + 1001)), delimiter);
        return new FileFormat(false, charset, bom, delimiter, style, synthetic);
    }

    private static boolean isUtf8(byte[] sample, boolean atEnd) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = sample.length;
        if (!atEnd) {
            // The sample may end inside a multi-byte character: drop an unfinished one at the very end.
            int i = length - 1;
            int back = 0;
            while (i >= 0 && back < 3 && (sample[i] & 0xC0) == 0x80) {
                i--;
                back++;
            }
            if (i >= 0 && (sample[i] & 0x80) != 0) {
                length = i;
            }
        }
        try {
            decoder.decode(ByteBuffer.wrap(sample, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static char delimiter(String name, int lineNo, String header) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons == 0 && commas == 0 && tabs == 0) {
            throw new InputRejected(name + " line " + lineNo
                    + ": the header has one column only; separate columns with ';', ',' or a tab");
        }
        if (semicolons >= commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private static NumberStyle numberStyle(String[] dataLines, char delimiter) {
        int point = 0;
        int comma = 0;
        for (String line : dataLines) {
            for (String field : line.split(Pattern.quote(String.valueOf(delimiter)), -1)) {
                String f = field.strip();
                point += POINT_DECIMAL.matcher(f).matches() ? 1 : 0;
                comma += COMMA_DECIMAL.matcher(f).matches() ? 1 : 0;
            }
        }
        return comma > point ? NumberStyle.DECIMAL_COMMA : NumberStyle.DECIMAL_POINT;
    }
}
