package org.klpconvert.elf.edit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A section group: its flag word ({@code GRP_COMDAT} = 1) and member sections. */
public final class GroupContent implements SectionContent {
    private final int flags;
    private final List<Section> members;

    /**
     * A group with its flag word and its members, in order.
     *
     * @param flags the flag word
     * @param members the member sections, in order
     */
    public GroupContent(int flags, List<Section> members) {
        this.flags = flags;
        this.members = new ArrayList<>(members);
    }

    /** {@return the flag word ({@code GRP_COMDAT})} */
    public int flags() {
        return flags;
    }

    /** {@return the member sections, in order} */
    public List<Section> members() {
        return Collections.unmodifiableList(members);
    }

    void removeMember(Section section) {
        members.remove(section);
    }

    @Override
    public long size(ObjectShape shape) {
        return 4L * (members.size() + 1);
    }
}
