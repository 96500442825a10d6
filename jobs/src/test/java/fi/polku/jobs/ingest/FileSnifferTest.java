package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.ingest.NumberStyle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FileSnifferTest {
    private static FileFormat sniff(byte[] bytes) {
        return FileSniffer.sniff("f.csv", bytes, true);
    }

    @Test
    void utf8WithAndWithoutBom() {
        byte[] plain = "alue,määrä\nKainuu,3\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("UTF-8, ','-separated, decimal point", sniff(plain).describe());
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertTrue(sniff(bom).bom());
    }

    @Test
    void windows1252SemicolonDecimalComma() {
        byte[] bytes = "Päivämäärä;Yhteensä\n1.3.2025;21,4\n2.3.2025;19,0\n".getBytes(Charset.forName("windows-1252"));
        FileFormat f = sniff(bytes);
        assertEquals("windows-1252", f.charset());
        assertEquals(';', f.delimiter());
        assertEquals(NumberStyle.DECIMAL_COMMA, f.numberStyle());
    }

    @Test
    void tabSeparatedWithDecimalPoint() {
        FileFormat f = sniff("a\tb\tc\n1.5\t2.5\tx\n".getBytes(StandardCharsets.UTF_8));
        assertEquals('\t', f.delimiter());
        assertEquals(NumberStyle.DECIMAL_POINT, f.numberStyle());
    }

    @Test
    void aSampleCutInsideAMultiByteCharacterIsStillUtf8() {
        byte[] full = "alue;nimi\nÄänekoski;ä\n".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(full, full.length - 2);
        assertEquals("UTF-8", FileSniffer.sniff("f.csv", cut, false).charset());
    }

    @Test
    void syntheticCommentIsRecognised() {
        assertTrue(sniff("# SYNTHETIC DATA - demo\na,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).synthetic());
        assertTrue(!sniff("# vienti\na,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).synthetic());
    }

    @Test
    void jsonIsRecognised() {
        assertTrue(sniff("  [{\"indicator\": 1}]".getBytes(StandardCharsets.UTF_8)).json());
    }

    @Test
    void unusableFilesAreRejectedWithAReason() {
        InputRejected utf16 = assertThrows(InputRejected.class, () -> sniff(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}));
        assertTrue(utf16.getMessage().contains("UTF-16"));
        assertTrue(assertThrows(InputRejected.class, () -> sniff(new byte[0])).getMessage().contains("empty"));
        assertTrue(assertThrows(InputRejected.class, () -> sniff("justonecolumn\n1\n".getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains("f.csv line 1: the header has one column only"));
    }
}
