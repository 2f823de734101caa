import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Checks the class or module path Maven resolved for a consumer project (run with the
 * source launcher: java PathCheck.java PATH [--forbid PREFIX]... [--jars N]): no class may come
 * from two jars, no class under a forbidden package prefix may be present, and with --jars the
 * path holds exactly N jars. Prints the jars with their total size, and exits 1 on a violation.
 */
public class PathCheck {
    public static void main(String[] args) throws IOException {
        List<String> forbidden = new ArrayList<>();
        int expectedJars = -1;
        for (int i = 1; i < args.length; i += 2) {
            if (args[i].equals("--jars")) {
                expectedJars = Integer.parseInt(args[i + 1]);
            } else {
                forbidden.add(args[i + 1]);
            }
        }
        Map<String, List<String>> owners = new TreeMap<>();
        long bytes = 0;
        int jars = 0;
        for (String element : args[0].split(File.pathSeparator)) {
            File file = new File(element);
            if (!file.isFile()) {
                continue; // the consumer's own classes directory
            }
            jars++;
            bytes += file.length();
            System.out.printf("  %,12d %s%n", file.length(), file.getName());
            try (JarFile jar = new JarFile(file)) {
                for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
                    String name = e.nextElement().getName();
                    if (name.endsWith(".class") && !name.endsWith("module-info.class")
                            && !name.startsWith("META-INF/")) {
                        owners.computeIfAbsent(name, n -> new ArrayList<>()).add(file.getName());
                    }
                }
            }
        }
        int duplicates = 0;
        int banned = 0;
        for (Map.Entry<String, List<String>> entry : owners.entrySet()) {
            if (entry.getValue().size() > 1) {
                duplicates++;
                if (duplicates <= 10) {
                    System.out.println("DUPLICATE " + entry.getKey() + " in " + entry.getValue());
                }
            }
            for (String prefix : forbidden) {
                if (entry.getKey().startsWith(prefix)) {
                    banned++;
                    if (banned <= 10) {
                        System.out.println("FORBIDDEN " + entry.getKey() + " in " + entry.getValue());
                    }
                }
            }
        }
        System.out.printf("%d jars, %,d bytes, %d classes, %d duplicate classes, %d forbidden%n", jars, bytes,
                owners.size(), duplicates, banned);
        boolean jarCountRight = expectedJars < 0 || jars == expectedJars;
        if (!jarCountRight) {
            System.out.printf("expected %d jars on the path, found %d%n", expectedJars, jars);
        }
        System.exit(duplicates == 0 && banned == 0 && jarCountRight ? 0 : 1);
    }
}
