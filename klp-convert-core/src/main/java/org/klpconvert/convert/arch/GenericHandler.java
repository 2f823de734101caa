package org.klpconvert.convert.arch;

import java.util.Optional;

import org.klpconvert.elf.edit.ObjectShape;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.Section;

/** A machine outside the five: converted like C does, without type checks. */
final class GenericHandler implements ArchHandler {
    @Override
    public String typeName(int type) {
        return "type " + type;
    }

    @Override
    public Optional<String> refusal(Relocation relocation, Section target, ObjectShape shape) {
        return Optional.empty();
    }
}
