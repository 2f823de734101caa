package org.klpconvert.elf.edit;

/** A section that occupies memory but no file bytes ({@code SHT_NOBITS}). */
public record NoBits(long memorySize) implements SectionContent {
    @Override
    public long size(ObjectShape shape) {
        return memorySize;
    }
}
