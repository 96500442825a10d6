package fi.polku.jobs.ingest;

import fi.polku.ingest.NumberStyle;
import java.io.Serializable;
import java.nio.charset.Charset;

/**
 * What was detected about one input file from all of its bytes ({@link FormatScan}), reported to the user and
 * recorded in the manifest.
 *
 * @param json         whether the file is JSON (Sotkanet's shape) rather than delimited text
 * @param charset      {@code UTF-8} or {@code windows-1252}
 * @param bom          whether a UTF-8 byte-order mark starts the file
 * @param delimiter    the field separator of delimited text
 * @param numberStyle  the decimal separator of the columns read
 * @param synthetic    whether a leading comment line declares the data synthetic
 * @param leadingLines how many comment ({@code #}) and blank lines stand before the header; comment lines are
 *                     allowed there only, and a {@code #} line after the header is data
 */
public record FileFormat(boolean json, String charset, boolean bom, char delimiter, NumberStyle numberStyle,
                         boolean synthetic, long leadingLines) implements Serializable {

    /** The charset to decode with. */
    public Charset decoding() {
        return Charset.forName(charset);
    }

    /** The same format with the decimal separator decided. */
    FileFormat with(NumberStyle style) {
        return new FileFormat(json, charset, bom, delimiter, style, synthetic, leadingLines);
    }

    /** One line for the user, e.g. "UTF-8 with BOM, ';'-separated, decimal comma, synthetic". */
    public String describe() {
        String text = json ? charset + ", JSON" : charset + (bom ? " with BOM" : "") + ", "
                + (delimiter == '\t' ? "tab" : "'" + delimiter + "'") + "-separated, "
                + (numberStyle == NumberStyle.DECIMAL_COMMA ? "decimal comma" : "decimal point");
        return synthetic ? text + ", synthetic" : text;
    }
}
