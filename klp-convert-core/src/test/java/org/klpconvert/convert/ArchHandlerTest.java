package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.klpconvert.convert.support.Convert;
import org.klpconvert.convert.support.ObjectView;
import org.klpconvert.convert.support.SymbolsFile;
import org.klpconvert.convert.support.Toolchain;

/**
 * Relocations the kernel could not apply to a livepatch symbol are refused at conversion
 * time, naming type, section, offset and symbol (kernel-rules.md 7); what it applies passes.
 */
class ArchHandlerTest {
    private static final SymbolsFile SYMBOLS = new SymbolsFile().object("vmlinux", "x", "y").exported("printk");

    private static String refused(String type, String section, long offset, String symbol, String why) {
        return "klp-convert: Relocation " + type + " at " + section + "+0x" + Long.toHexString(offset) + " against "
                + symbol + " cannot be converted: " + why + "\n";
    }

    private static String typeRefused(String arch, String type, String section, long offset, String symbol) {
        return refused(type, section, offset, symbol, "the " + arch + " kernel's module loader does not accept this type");
    }

    private static List<String> converted(byte[] module, String section) {
        return ObjectView.of(Convert.ok(module, SYMBOLS).output()).relocations(section).stream()
                .map(r -> r.type() + " " + r.symbol()).toList();
    }

    @Test
    void x86GotReferencesToLivepatchSymbolsAreRefused() {
        String source = "\t.text\n\tmovq x@GOTPCREL(%rip), %rax\n\tmovq y(%rip), %rax\n\tmovq gone(%rip), %rax\n"
                + "\tmovq printk@GOTPCREL(%rip), %rax\n";
        assertEquals(typeRefused("x86_64", "R_X86_64_GOTPCREL", ".rela.text", 3, "x")
                + "klp-convert: Unable to find missing symbol: gone\n",
                Convert.failure(Toolchain.X86_64.assemble(source, "-mrelax-relocations=no"), SYMBOLS));
        assertEquals(typeRefused("x86_64", "R_X86_64_REX_GOTPCRELX", ".rela.text", 3, "x")
                + "klp-convert: Unable to find missing symbol: gone\n",
                Convert.failure(Toolchain.X86_64.assemble(source, "-mrelax-relocations=yes"), SYMBOLS));
    }

    @Test
    void x86LocationsThatAreNotZeroAreRefused() {
        String source = "\t.data\n\t.quad 0x1234\n\t.long 7\n\t.quad 0\n"
                + "\t.reloc 0, R_X86_64_64, x\n\t.reloc 8, R_X86_64_PC32, y\n\t.reloc 12, R_X86_64_64, y\n";
        String why = ", and the kernel relocates only zeroed locations";
        assertEquals(refused("R_X86_64_64", ".rela.data", 0, "x", "the location holds 0x1234" + why)
                + refused("R_X86_64_PC32", ".rela.data", 8, "y", "the location holds 0x7" + why),
                Convert.failure(Toolchain.X86_64.assemble(source), SYMBOLS));
        // R_X86_64_NONE writes nothing, so the kernel skips it before the zero check
        assertEquals(List.of("R_X86_64_NONE .klp.sym.vmlinux.x,0"), converted(Toolchain.X86_64.assemble(
                "\t.text\n\t.reloc ., R_X86_64_NONE, x\n\tmovl $0x12345678, %eax\n"), ".klp.rela.vmlinux..text"));
    }

    @Test
    void powerPcHasNoTypeNone() {
        String source = "\t.text\n\t.reloc ., R_PPC%s_NONE, x\n\tnop\n\tblr\n";
        assertEquals(typeRefused("ppc64", "R_PPC64_NONE", ".rela.text", 0, "x"),
                Convert.failure(Toolchain.PPC64LE.assemble(String.format(source, "64")), SYMBOLS));
        assertEquals(typeRefused("ppc32", "R_PPC_NONE", ".rela.text", 0, "x"),
                Convert.failure(Toolchain.PPC32.assemble(String.format(source, "")), SYMBOLS));
    }

    @Test
    void ppc64CallsNeedANopSlotForTheTocRestore() {
        String refusedCall = "\t.text\n\tbl x\n\taddi 3, 3, 1\n\tblr\n";
        assertEquals(refused("R_PPC64_REL24", ".rela.text", 0, "x", "the word after the bl is 0x38630001, not a nop"
                + " the kernel can turn into the r2 restore (a call the compiler treated as local)"),
                Convert.failure(Toolchain.PPC64LE.assemble(refusedCall), SYMBOLS));
        String accepted = "\t.text\n\tbl x\n\tnop\n\tbl y\n\tld 2, 24(1)\n\tb x\n";
        assertEquals(List.of("R_PPC64_REL24 .klp.sym.vmlinux.x,0", "R_PPC64_REL24 .klp.sym.vmlinux.y,0",
                "R_PPC64_REL24 .klp.sym.vmlinux.x,0"), converted(Toolchain.PPC64LE.assemble(accepted),
                ".klp.rela.vmlinux..text"));
    }

    @Test
    void arm64GotPagesAreRefused() {
        String source = "\t.text\n\tadrp x0, :got:x\n\tldr x0, [x0, :got_lo12:x]\n\tbl y\n\tret\n";
        assertEquals(typeRefused("arm64", "R_AARCH64_ADR_GOT_PAGE", ".rela.text", 0, "x")
                + typeRefused("arm64", "R_AARCH64_LD64_GOT_LO12_NC", ".rela.text", 4, "x"),
                Convert.failure(Toolchain.ARM64.assemble(source), SYMBOLS));
    }

    @Test
    void s390GotEntriesAreAccepted() {
        String source = "\t.text\n\tlgrl %r1, x@GOTENT\n\tbrasl %r14, y@PLT\n\tbr %r14\n";
        assertEquals(List.of("R_390_GOTENT .klp.sym.vmlinux.x,0", "R_390_PLT32DBL .klp.sym.vmlinux.y,0"),
                converted(Toolchain.S390.assemble(source), ".klp.rela.vmlinux..text"));
    }

    @Test
    void arm64AndX86OrdinaryCodeIsAccepted() {
        assertEquals(List.of("R_AARCH64_ADR_PREL_PG_HI21 .klp.sym.vmlinux.x,0",
                "R_AARCH64_ADD_ABS_LO12_NC .klp.sym.vmlinux.x,0", "R_AARCH64_CALL26 .klp.sym.vmlinux.y,0"),
                converted(Toolchain.ARM64.assemble("\t.text\n\tadrp x0, x\n\tadd x0, x0, :lo12:x\n\tbl y\n\tret\n"),
                        ".klp.rela.vmlinux..text"));
        assertEquals(List.of("R_X86_64_PLT32 .klp.sym.vmlinux.x,0", "R_X86_64_32S .klp.sym.vmlinux.y,0"),
                converted(Toolchain.X86_64.assemble("\t.text\n\tcall x\n\tmovq $y, %rax\n\tret\n"),
                        ".klp.rela.vmlinux..text"));
    }
}
