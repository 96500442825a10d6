package fi.polku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples in README.md compile against the engine and print exactly the text block that follows
 * each of them. The numbers in those blocks are the references' (Jacobson & Truax 1991 Table 2 via
 * shared/reference RC-3; Lakens 2013), so a change in the engine that moved them would fail here too.
 */
class ReadmeExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("```java\\n(.*?)```\\s*```text\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

    @TempDir
    Path dir;

    @Test
    void everyJavaExampleCompilesAndPrintsWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = EXAMPLE.matcher(readme);
        List<String[]> examples = new ArrayList<>();
        while (m.find()) {
            Matcher name = CLASS.matcher(m.group(1));
            assertTrue(name.find(), "an example without a public class:\n" + m.group(1));
            examples.add(new String[] {name.group(1), m.group(1), m.group(2)});
        }
        assertTrue(examples.size() >= 3, "expected the README's Java examples, found " + examples.size());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (String[] example : examples) {
            Path source = dir.resolve(example[0] + ".java");
            Files.writeString(source, example[1], StandardCharsets.UTF_8);
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = javac.run(null, null, errors, "-cp", System.getProperty("java.class.path"), "-d", dir.toString(), source.toString());
            assertEquals(0, status, example[0] + " does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
            assertEquals(example[2], run(example[0]), example[0] + " prints something else than the README shows");
        }
    }

    private String run(String className) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
