package org.klpconvert.convert.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The strict reading of the kernel's klp name formats, and the version-dependent limits. */
class KlpNamesTest {

    @Test
    void sectionNames() {
        KlpNames.SectionName n = KlpNames.section(".klp.rela.vmlinux..text.unlikely");
        assertEquals("vmlinux", n.object());
        assertEquals(".text.unlikely", n.rest());
        assertFalse(KlpNames.section(".klp.rela..text").ok(), "empty object");
        assertFalse(KlpNames.section(".klp.rela.vmlinux").ok(), "no '.' after the object");
        assertFalse(KlpNames.section(".klp.rela." + "m".repeat(56) + "..text").ok(), "56 characters");
        assertTrue(KlpNames.section(".klp.rela." + "m".repeat(55) + "..text").ok(), "55 characters");
    }

    @Test
    void symbolNames() {
        KlpNames.SymbolName n = KlpNames.symbol(".klp.sym.btrfs.btrfs_write_check.constprop.0,12", 511);
        assertEquals("btrfs", n.object());
        assertEquals("btrfs_write_check.constprop.0", n.name());
        assertEquals(12, n.pos());
        for (String bad : new String[] {".klp.sym.vmlinux.foo", ".klp.sym.vmlinux.foo,", ".klp.sym.vmlinux.foo, 1",
                ".klp.sym.vmlinux.foo,+1", ".klp.sym.vmlinux.foo,1x", ".klp.sym.vmlinux.,0", ".klp.sym..foo,0",
                ".klp.sym.vmlinuxfoo,0", "foo", ".klp.sym.vmlinux.foo,99999999999999999999"}) {
            assertFalse(KlpNames.symbol(bad, 511).ok(), bad);
        }
        String longName = ".klp.sym.vmlinux." + "f".repeat(200) + ",0";
        assertTrue(KlpNames.symbol(longName, KernelVersion.parse("6.1").maxSymbolNameLength()).ok());
        assertFalse(KlpNames.symbol(longName, KernelVersion.parse("5.15").maxSymbolNameLength()).ok());
    }

    @Test
    void kernelVersions() {
        assertEquals(new KernelVersion(6, 1), KernelVersion.parse("6.1.0-13-amd64"));
        assertEquals(new KernelVersion(5, 4), KernelVersion.parse("v5.4"));
        assertTrue(KernelVersion.parse("5.8").splitsVmlinuxRelocations());
        assertFalse(KernelVersion.parse("5.7").splitsVmlinuxRelocations());
        assertEquals(511, KernelVersion.NEWEST.maxSymbolNameLength());
        assertEquals(127, KernelVersion.parse("6.0").maxSymbolNameLength());
        assertThrows(IllegalArgumentException.class, () -> KernelVersion.parse("six"));
    }
}
