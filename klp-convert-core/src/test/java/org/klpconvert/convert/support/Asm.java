package org.klpconvert.convert.support;

/**
 * Pieces of GNU assembler source for test modules: {@code KLP_MODULE_RELOC} arrays laid out
 * as the kernel header lays them out (12-byte packed records: an 8-byte pointer union with
 * the relocation at its start, then a u32 position in the file's byte order).
 */
public final class Asm {
    private Asm() {
    }

    /**
     * {@code KLP_MODULE_RELOC(object) = { KLP_SYMPOS(sym, pos), ... }} for a 64-bit target.
     *
     * @param records alternating symbol names and positions ({@code "x", 2L, "y", 0L})
     */
    public static String sympos(String object, Object... records) {
        return array(object, false, records);
    }

    /** The same for a 32-bit big-endian target (ppc32): a 4-byte pointer, 4 bytes of zero. */
    public static String sympos32(String object, Object... records) {
        return array(object, true, records);
    }

    private static String array(String object, boolean elf32, Object... records) {
        StringBuilder s = new StringBuilder();
        s.append("\t.section .klp.module_relocs.").append(object).append(",\"aw\"\n\t.balign 4\n");
        for (int i = 0; i < records.length; i += 2) {
            String symbol = (String) records[i];
            long pos = ((Number) records[i + 1]).longValue();
            s.append(elf32 ? "\t.long " + symbol + "\n\t.long 0\n" : "\t.quad " + symbol + "\n");
            s.append("\t.long ").append(pos).append('\n');
        }
        return s.append("\t.previous\n").toString();
    }

    /** An x86-64 function that references each name once, PC-relative (R_X86_64_PC32). */
    public static String x86Loads(String function, String... names) {
        StringBuilder s = new StringBuilder("\t.text\n\t.globl " + function + "\n" + function + ":\n");
        for (String name : names) {
            s.append("\tmovq ").append(name).append("(%rip), %rax\n");
        }
        return s.append("\tret\n").toString();
    }

    /** Data words pointing at each name (R_X86_64_64 etc. per target). */
    public static String quads(String section, String... names) {
        StringBuilder s = new StringBuilder("\t.section " + section + ",\"aw\"\n\t.balign 8\n");
        for (String name : names) {
            s.append("\t.quad ").append(name).append('\n');
        }
        return s.append("\t.previous\n").toString();
    }
}
