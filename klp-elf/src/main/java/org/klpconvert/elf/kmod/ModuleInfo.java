package org.klpconvert.elf.kmod;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;

/**
 * What a kernel module says about itself: the {@code .modinfo} fields in file order and the
 * {@code __versions} CRC table, read and checked. {@link #modinfoText(String)} and
 * {@link #modversionsText()} render them as kmod's {@code modinfo} and
 * {@code modprobe --dump-modversions} do.
 */
public final class ModuleInfo {
    /** The section of {@code key=value} strings. */
    public static final String MODINFO = ".modinfo";
    /** The section of modversions CRCs. */
    public static final String VERSIONS = "__versions";
    /** Size of one {@code struct modversion_info}: an {@code unsigned long} and the name, 64 bytes in all. */
    public static final int VERSION_ENTRY_SIZE = 64;

    private final List<ModinfoField> fields;
    private final List<ModuleVersion> versions;

    private ModuleInfo(List<ModinfoField> fields, List<ModuleVersion> versions) {
        this.fields = fields;
        this.versions = versions;
    }

    /**
     * {@return the {@code .modinfo} and {@code __versions} of a module} Each may be absent:
     * empty lists.
     *
     * @param module the module
     * @throws ElfFormatException if {@code __versions} is malformed
     */
    public static ModuleInfo of(ElfFile module) throws ElfFormatException {
        return new ModuleInfo(fields(module), versions(module));
    }

    private static List<ModinfoField> fields(ElfFile module) {
        Optional<SectionHeader> section = module.section(MODINFO);
        if (section.isEmpty()) {
            return List.of();
        }
        ByteBuffer b = module.content(section.get());
        List<ModinfoField> list = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= b.capacity(); i++) {
            if (i == b.capacity() || b.get(i) == 0) {
                if (i > start) {
                    byte[] text = new byte[i - start];
                    b.get(start, text);
                    String s = new String(text, StandardCharsets.ISO_8859_1);
                    int eq = s.indexOf('=');
                    list.add(eq < 0 ? new ModinfoField(s, null) : new ModinfoField(s.substring(0, eq), s.substring(eq + 1)));
                }
                start = i + 1;
            }
        }
        return Collections.unmodifiableList(list);
    }

    private static List<ModuleVersion> versions(ElfFile module) throws ElfFormatException {
        Optional<SectionHeader> section = module.section(VERSIONS);
        if (section.isEmpty() || !section.get().hasFileData()) {
            return List.of();
        }
        SectionHeader s = section.get();
        if (s.size() % VERSION_ENTRY_SIZE != 0) {
            throw new ElfFormatException(module.source(), s.offset(), "section " + VERSIONS + " has size " + s.size()
                    + ", not a multiple of " + VERSION_ENTRY_SIZE);
        }
        ByteBuffer b = module.content(s);
        int crcSize = module.is64() ? 8 : 4;
        List<ModuleVersion> list = new ArrayList<>();
        for (int at = 0; at < b.capacity(); at += VERSION_ENTRY_SIZE) {
            long crc = crcSize == 8 ? b.getLong(at) : b.getInt(at) & 0xffffffffL;
            int end = at + crcSize;
            while (end < at + VERSION_ENTRY_SIZE && b.get(end) != 0) {
                end++;
            }
            if (end == at + VERSION_ENTRY_SIZE) {
                throw new ElfFormatException(module.source(), s.offset() + at, "entry " + at / VERSION_ENTRY_SIZE
                        + " of " + VERSIONS + ": the symbol name is not NUL-terminated");
            }
            byte[] name = new byte[end - at - crcSize];
            b.get(at + crcSize, name);
            list.add(new ModuleVersion(crc, new String(name, StandardCharsets.ISO_8859_1)));
        }
        return Collections.unmodifiableList(list);
    }

    /** {@return the {@code .modinfo} fields in file order} */
    public List<ModinfoField> fields() {
        return fields;
    }

    /**
     * {@return the values of every field with that key, in order}
     *
     * @param key the field name, e.g. {@code alias}
     */
    public List<String> values(String key) {
        List<String> values = new ArrayList<>();
        for (ModinfoField f : fields) {
            if (f.key().equals(key) && f.value() != null) {
                values.add(f.value());
            }
        }
        return values;
    }

    /**
     * {@return the value of the first field with that key}
     *
     * @param key the field name, e.g. {@code license}
     */
    public Optional<String> value(String key) {
        List<String> values = values(key);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * {@return whether a field with that key exists} Its value is not looked at.
     *
     * @param key the field name, e.g. {@code livepatch}
     */
    public boolean has(String key) {
        return fields.stream().anyMatch(f -> f.key().equals(key));
    }

    /** {@return the {@code vermagic} string: the kernel release, then the build's features} */
    public Optional<String> vermagic() {
        return value("vermagic");
    }

    /** {@return the kernel release the module was built for: {@code vermagic}'s first word} */
    public Optional<String> kernelRelease() {
        return vermagic().map(v -> v.strip().split(" ", 2)[0]);
    }

    /** {@return the modules this one depends on ({@code depends}, comma-separated), in order} */
    public List<String> depends() {
        return value("depends").filter(d -> !d.isEmpty()).map(d -> List.of(d.split(","))).orElse(List.of());
    }

    /** {@return the {@code __versions} entries in order (empty without modversions)} */
    public List<ModuleVersion> versions() {
        return versions;
    }

    /**
     * The text kmod's {@code modinfo FILE} prints for the {@code .modinfo} fields: a
     * {@code filename:} line, every field but the parameters as {@code key:} padded to 16
     * columns and the value, then one {@code parm:} line per parameter ({@code parm} and
     * {@code parmtype} of one name merged, last-named first). The signature lines kmod adds for
     * signed modules are not part of it.
     *
     * @param filename what the {@code filename:} line shows (kmod shows the absolute path)
     * @return the text, one line a field
     */
    public String modinfoText(String filename) {
        StringBuilder out = new StringBuilder();
        line(out, "filename", filename);
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (ModinfoField f : fields) {
            boolean description = f.key().equals("parm");
            if (description || f.key().equals("parmtype")) {
                int colon = f.value() == null ? -1 : f.value().indexOf(':');
                if (colon > 0) {
                    String[] p = parameters.computeIfAbsent(f.value().substring(0, colon), k -> new String[2]);
                    p[description ? 0 : 1] = f.value().substring(colon + 1);
                }
                continue;
            }
            line(out, f.key(), f.value() == null ? "(null)" : f.value());
        }
        List<Map.Entry<String, String[]>> reversed = new ArrayList<>(parameters.entrySet());
        Collections.reverse(reversed);
        for (Map.Entry<String, String[]> p : reversed) {
            String description = p.getValue()[0];
            String type = p.getValue()[1];
            String text = description == null ? type : type == null ? description : description + " (" + type + ")";
            out.append("parm:").append(" ".repeat(11)).append(p.getKey()).append(':').append(text).append('\n');
        }
        return out.toString();
    }

    /** {@code key:} then blanks to column 16 (at least as many as the key is longer than 15), then the value. */
    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(':').append(" ".repeat(Math.abs(15 - key.length()))).append(value).append('\n');
    }

    /** {@return the {@code __versions} table as {@code modprobe --dump-modversions} prints it: {@code 0x%08x<TAB>symbol}} */
    public String modversionsText() {
        StringBuilder out = new StringBuilder();
        for (ModuleVersion v : versions) {
            String hex = Long.toHexString(v.crc());
            out.append("0x").append("0".repeat(Math.max(0, 8 - hex.length()))).append(hex).append('\t')
                    .append(v.symbol()).append('\n');
        }
        return out.toString();
    }

    /**
     * How the module's {@code vermagic} release compares with a target kernel release.
     *
     * @param targetRelease the target kernel's release, as {@code uname -r} prints it
     * @return empty when they are equal, else a sentence for the user
     */
    public Optional<String> releaseMismatch(String targetRelease) {
        Optional<String> release = kernelRelease();
        if (release.isEmpty()) {
            return Optional.of("the module has no vermagic");
        }
        if (release.get().equals(targetRelease)) {
            return Optional.empty();
        }
        return Optional.of("vermagic release " + release.get() + " is not the target release " + targetRelease);
    }

    /**
     * {@return whether an object looks like a kernel module: relocatable, with a {@code .modinfo}}
     *
     * @param file the object
     */
    public static boolean isModule(ElfFile file) {
        return file.header().type() == Elf.ET_REL && file.section(MODINFO).isPresent();
    }
}
