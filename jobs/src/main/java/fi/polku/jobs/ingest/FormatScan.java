package fi.polku.jobs.ingest;

import fi.polku.ingest.NumberStyle;

/**
 * Decides a file's encoding, delimiter, decimal separator and synthetic flag from <em>every</em> byte of it,
 * fed in order by the same pass that copies and checksums the file ({@link InputSnapshot}).
 *
 * <p>Encoding: a UTF-8 byte-order mark, else UTF-8 when the whole file is valid UTF-8 (ASCII included), else
 * Windows-1252 when the file has no valid multi-byte UTF-8 character at all. A file with both (UTF-8 letters
 * and bytes that are not UTF-8) mixes encodings and is refused, as are NUL bytes (UTF-16 or binary) and bytes
 * Windows-1252 does not define. Delimiter: whichever of {@code ;} {@code ,} and tab occurs most in the header
 * line outside quotes. Decimal separator: fields of the form {@code -12.5} or {@code -12,5} (quoted or not)
 * are counted per column over all data lines ({@link DecimalEvidence} decides once the header says which
 * columns are read). Synthetic: a comment line before the header that says
 * "synthetic" (or "synteettinen"). The leading block of comment ({@code #}) and blank lines before the header
 * is the only place comments may stand; its length is part of the result so the reader skips exactly it.
 *
 * <p>Messages name lines and columns, never the file's text.
 */
final class FormatScan {
    private static final int[] BOM = {0xEF, 0xBB, 0xBF};

    private final String name;
    private long offset;
    private long line = 1;
    private boolean lastWasCr;
    private int first;
    private boolean bomCandidate = true;
    private boolean bom;
    private boolean json;
    private boolean decided; // whether the first non-blank character was seen (JSON or text)

    // Encoding: NUL bytes here, UTF-8 against Windows-1252 in EncodingEvidence
    private long firstNulLine;
    private final EncodingEvidence encoding = new EncodingEvidence();

    // The leading block, the header and its delimiter
    private long headerLine;
    private boolean inComment;
    private boolean blankSoFar = true;
    private final StringBuilder commentText = new StringBuilder();
    private boolean synthetic;
    private final StringBuilder header = new StringBuilder();
    private char delimiter;

    // Data fields
    private boolean quoted;
    private boolean fieldStart = true;
    private boolean quoteJustClosed;
    private int column = 1;
    private final NumberShape shape = new NumberShape();
    private final DecimalEvidence decimals = new DecimalEvidence();

    // Where the file may be split for parallel parsing: line starts outside quotes, about every splitBytes
    private final long splitBytes;
    private boolean splitDue;
    private long lastSplit;
    private long lastSplitLine = 1;
    private final java.util.List<ByteRange> ranges = new java.util.ArrayList<>();

    /**
     * @param splitBytes the size a parallel parse task should take at most, roughly: the scan notes a record
     *                   boundary once at least this many bytes have passed since the last one
     */
    FormatScan(String name, long splitBytes) {
        if (splitBytes < 1) {
            throw new IllegalArgumentException("splitBytes must be >= 1: " + splitBytes);
        }
        this.name = name;
        this.splitBytes = splitBytes;
    }

    FormatScan(String name) {
        this(name, Long.MAX_VALUE);
    }

    /**
     * Feeds the next bytes of the file. Inside a data field, a run of plain ASCII bytes (no quote, line break,
     * delimiter or NUL) changes nothing but the number shape and the offset, and a delimiter outside quotes only
     * ends the field, so these skip the per-byte state machine (most of a file's bytes: the driver reads every
     * input once per command, 1 GB at 10 M sessions, 5.3–7.4 → 4.3–4.6 s); every other byte goes through it. {@code FormatScanTest} holds the result equal to {@link #acceptEach}'s.
     */
    void accept(byte[] bytes, int from, int length) {
        int end = from + length;
        int i = from;
        while (i < end) {
            if (inPlainField()) {
                int start = i;
                for (int b = bytes[i]; b > 0 && b != '"' && b != '\n' && b != '\r' && b != delimiter; b = bytes[i]) {
                    shape.accept(b);
                    if (++i == end) {
                        break;
                    }
                }
                if (i > start) {
                    offset += i - start;
                    if (!quoted) {
                        quoteJustClosed = false;
                        fieldStart = false;
                    }
                    continue;
                }
                if (bytes[i] == delimiter && !quoted) {
                    // The field ends (data(): outside quotes, not a line break).
                    offset++;
                    quoteJustClosed = false;
                    endField();
                    column++;
                    fieldStart = true;
                    i++;
                    continue;
                }
            }
            accept(bytes[i] & 0xFF);
            i++;
        }
    }

    /** Feeds the next bytes one by one through the whole state machine: the reference for {@link #accept}'s runs. */
    void acceptEach(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            accept(bytes[i] & 0xFF);
        }
    }

    /**
     * Whether the next byte, if plain ASCII, only extends the current data field: past the byte-order mark and
     * the header, not in a multi-byte character, no range boundary or CRLF half pending.
     */
    private boolean inPlainField() {
        return offset >= BOM.length && headerLine != 0 && delimiter != 0 && !json && !encoding.inCharacter() && !splitDue && !lastWasCr;
    }

    private void accept(int b) {
        if (offset == 0) {
            first = b;
        } else if (offset == 1 && (first == 0xFF && b == 0xFE || first == 0xFE && b == 0xFF)) {
            throw new InputRejected(name + ": the file is UTF-16; save it as UTF-8 or Windows-1252 (ANSI)");
        }
        encoding.accept(b, line);
        if (b == 0 && firstNulLine == 0) {
            firstNulLine = line;
        }
        if (bomCandidate && offset < 3) {
            offset++;
            if (b == BOM[(int) offset - 1]) {
                bom = offset == 3;
                bomCandidate = !bom;
                return; // held back until the mark is complete or broken
            }
            bomCandidate = false;
            for (int k = 0; k < offset - 1; k++) {
                structure(BOM[k]); // the bytes held back were not a mark after all
            }
            structure(b);
            return;
        }
        offset++;
        structure(b);
    }

    /** Line breaks (LF, CRLF or a lone CR, as the CSV reader counts them) and the text structure. */
    private void structure(int b) {
        if (b == '\n' && lastWasCr) {
            lastWasCr = false;
            return; // the second half of CRLF
        }
        if (splitDue) {
            // The byte after a record's line break (CRLF included) starts the next range, on this line.
            splitDue = false;
            long at = offset - 1;
            ranges.add(new ByteRange(lastSplit, at, lastSplitLine));
            lastSplit = at;
            lastSplitLine = line;
        }
        lastWasCr = b == '\r';
        boolean lineBreak = b == '\n' || b == '\r';
        text(b, lineBreak);
        if (lineBreak) {
            line++;
        }
    }

    /** The file's structure, ASCII only: both accepted encodings agree on every ASCII byte. */
    private void text(int b, boolean lineBreak) {
        if (json) {
            return;
        }
        if (headerLine == 0) {
            leadingBlock(b, lineBreak);
            return;
        }
        if (delimiter == 0) {
            if (lineBreak) {
                delimiter = delimiterOf(header);
            } else {
                header.append((char) b);
            }
            return;
        }
        data(b, lineBreak);
    }

    private void leadingBlock(int b, boolean lineBreak) {
        if (lineBreak) {
            if (inComment) {
                String lower = commentText.toString().toLowerCase(java.util.Locale.ROOT);
                synthetic |= lower.contains("synthetic") || lower.contains("synteettinen");
            }
            inComment = false;
            blankSoFar = true;
            commentText.setLength(0);
            return;
        }
        if (inComment) {
            if (commentText.length() < 4096) {
                commentText.append((char) b);
            }
            return;
        }
        if (b == ' ' || b == '\t') {
            return;
        }
        if (blankSoFar && b == '#') {
            inComment = true;
            return;
        }
        if (!decided && (b == '[' || b == '{')) {
            json = true;
            decided = true;
            return;
        }
        decided = true;
        headerLine = line;
        header.append((char) b);
        blankSoFar = false;
    }

    private void data(int b, boolean lineBreak) {
        if (quoted) {
            if (b == '"') {
                quoted = false;
                quoteJustClosed = true;
            } else {
                shape.accept(b);
            }
            return;
        }
        if (b == '"' && quoteJustClosed) { // a doubled quote inside a quoted field
            quoted = true;
            quoteJustClosed = false;
            shape.reject();
            return;
        }
        quoteJustClosed = false;
        if (b == delimiter || lineBreak) {
            endField();
            if (lineBreak && offset - lastSplit >= splitBytes) {
                splitDue = true; // a record ends here: outside quotes, so a new one starts with the next byte
            }
            column = lineBreak ? 1 : column + 1;
            fieldStart = true;
            return;
        }
        if (b == '"' && fieldStart) {
            quoted = true;
            fieldStart = false;
            return;
        }
        fieldStart = false;
        shape.accept(b);
    }

    private void endField() {
        decimals.record(column, shape.decimalKind(), line);
        shape.reset();
    }

    /**
     * What was seen: the format (its number style still provisional), the decimal evidence per column, and the
     * byte ranges the file can be parsed in, each starting at a record's first byte (the first at 0).
     */
    record Result(FileFormat format, DecimalEvidence decimals, java.util.List<ByteRange> ranges) {
    }

    /**
     * What was seen, once every byte has been fed.
     *
     * @throws InputRejected when the file is empty, has no header, or mixes encodings or is not text
     */
    Result result() {
        encoding.end(line);
        if (firstNulLine > 0) {
            throw new InputRejected(name + " line " + firstNulLine + ": the file holds NUL bytes, so it is UTF-16 or"
                    + " not text; save it as UTF-8 (or Windows-1252) text");
        }
        String charset = encoding.charset(name, bom);
        if (!decided) {
            throw new InputRejected(name + (offset == 0 || offset == 3 && bom ? ": the file is empty"
                    : ": no header line found (only comments or blank lines)"));
        }
        if (json) {
            return new Result(new FileFormat(true, charset, bom, ',', NumberStyle.DECIMAL_POINT, false, 0), decimals,
                    java.util.List.of(new ByteRange(0, offset, 1)));
        }
        if (delimiter == 0) {
            delimiter = delimiterOf(header);
        }
        if (!fieldStart || column > 1) {
            endField(); // the last line has no line break
        }
        java.util.List<ByteRange> all = new java.util.ArrayList<>(ranges);
        all.add(new ByteRange(lastSplit, offset, lastSplitLine));
        return new Result(new FileFormat(false, charset, bom, delimiter, NumberStyle.DECIMAL_POINT, synthetic,
                headerLine - 1), decimals, java.util.List.copyOf(all));
    }

    private char delimiterOf(CharSequence headerText) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean inQuotes = false;
        for (int i = 0; i < headerText.length(); i++) {
            char c = headerText.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes) {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons == 0 && commas == 0 && tabs == 0) {
            throw new InputRejected(name + " line " + headerLine
                    + ": the header has one column only; separate columns with ';', ',' or a tab");
        }
        if (semicolons >= commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
