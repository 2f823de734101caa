package org.klpconvert.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.LayoutPolicy;
import org.klpconvert.elf.edit.RawContent;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.RelocationTable;
import org.klpconvert.elf.edit.Section;

/**
 * One class of relocation the converter refuses on a machine, forced into a module with the
 * klp-elf editor: either a relocation type ({@code type >= 0}) or, with {@code nextWord}, the
 * instruction word after a ppc64 {@code bl}. The same edit is applied to the converted module
 * (in its {@code .klp.rela.vmlinux.*} section, for the kernel to judge) and to the unconverted
 * one (in {@code .rela.*}, for the converter to judge).
 *
 * @param file name of the forced, converted module the guest loads
 * @param symbol the undefined symbol whose call or reference is edited ({@code nr_processes})
 * @param type the type to force, or -1 to keep the type and edit {@code nextWord}
 * @param nextWord the word to write after the {@code bl}, or -1
 * @param errno what {@code finit_module} must fail with
 * @param kernelLog the text the guest's kernel log must contain, or "" when the kernel is silent
 * @param converterReason the text the converter's refusal of the same edit must contain
 */
record ForcedRelocation(String file, String symbol, int type, long nextWord, int errno, String kernelLog,
        String converterReason) {
    /** {@code ENOEXEC}: what the module loaders return for a relocation they cannot apply. */
    static final int ENOEXEC = 8;

    /** Forces a relocation type. */
    static ForcedRelocation type(String file, int type, String kernelLog, String converterReason) {
        return new ForcedRelocation(file, "nr_processes", type, -1, ENOEXEC, kernelLog, converterReason);
    }

    /** Keeps the call's type and replaces the {@code nop} after its {@code bl} with {@code word}. */
    static ForcedRelocation wordAfterBl(String file, long word, String kernelLog, String converterReason) {
        return new ForcedRelocation(file, "nr_processes", -1, word, ENOEXEC, kernelLog, converterReason);
    }

    /**
     * Writes {@code module} with the edit applied to the first relocation against a symbol named
     * {@code symbolName} in a RELA section whose name starts with {@code sectionPrefix}.
     */
    void apply(Path module, String sectionPrefix, String symbolName, Path output) throws IOException {
        ElfEditor editor = ElfEditor.open(ElfFile.read(module));
        for (Section section : editor.sections()) {
            if (!section.name().startsWith(sectionPrefix)
                    || !(section.content() instanceof RelocationTable table)) {
                continue;
            }
            List<Relocation> entries = new ArrayList<>(table.entries());
            for (int i = 0; i < entries.size(); i++) {
                Relocation r = entries.get(i);
                if (r.symbol() == null || !r.symbol().name().equals(symbolName)) {
                    continue;
                }
                if (type >= 0) {
                    entries.set(i, new Relocation(r.offset(), type, r.symbol(), r.addend()));
                    section.setContent(new RelocationTable(table.isRela(), entries));
                } else {
                    overwriteWord(section.infoSection(), r.offset() + 4, editor);
                }
                Files.write(output, editor.write(LayoutPolicy.PRESERVE));
                return;
            }
        }
        throw new AssertionError("no relocation against " + symbolName + " in a " + sectionPrefix
                + "* section of " + module);
    }

    private void overwriteWord(Section target, long offset, ElfEditor editor) {
        if (!(target.content() instanceof RawContent raw)) {
            throw new AssertionError("relocated section " + target.name() + " has no bytes");
        }
        byte[] bytes = raw.bytes().clone();
        ByteBuffer.wrap(bytes).order(editor.shape().order()).putInt((int) offset, (int) nextWord);
        target.setContent(new RawContent(bytes));
    }
}
