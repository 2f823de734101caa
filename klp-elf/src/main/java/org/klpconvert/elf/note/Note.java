package org.klpconvert.elf.note;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One note: owner name, type and descriptor.
 *
 * @param name the owner ({@code GNU}, {@code Linux}, {@code stapsdt}, ...), without its NUL; for
 *             a GNU build-attribute note ({@code GA...}) the whole name field but for its
 *             terminating NUL, since the attribute's value follows an inner NUL
 * @param type {@code n_type}, meaningful per owner
 * @param descriptorOffset file offset of the descriptor
 * @param descriptor the descriptor, a read-only view in the file's byte order
 */
public record Note(String name, long type, long descriptorOffset, ByteBuffer descriptor) {
    /** GNU: ABI tag (OS and earliest kernel version). */
    public static final long NT_GNU_ABI_TAG = 1;
    /** GNU: the build ID. */
    public static final long NT_GNU_BUILD_ID = 3;
    /** GNU: the gold linker's version. */
    public static final long NT_GNU_GOLD_VERSION = 4;
    /** GNU: program properties. */
    public static final long NT_GNU_PROPERTY_TYPE_0 = 5;

    /**
     * Keeps a read-only view.
     *
     * @param name the owner ({@code GNU}, {@code Linux}, {@code stapsdt}, ...), without its NUL;
     *             for a GNU build-attribute note ({@code GA...}) the whole name field but for its
     *             terminating NUL
     * @param type {@code n_type}, meaningful per owner
     * @param descriptorOffset file offset of the descriptor
     * @param descriptor the descriptor, a read-only view in the file's byte order
     */
    public Note {
        descriptor = descriptor.asReadOnlyBuffer().order(descriptor.order());
    }

    /** {@return the descriptor, a fresh read-only view positioned at its start} */
    @Override
    public ByteBuffer descriptor() {
        return descriptor.duplicate().order(descriptor.order());
    }

    /** {@return size of the descriptor in bytes} */
    public int descriptorSize() {
        return descriptor.capacity();
    }

    /**
     * {@return whether this is a GNU note of that type}
     *
     * @param gnuType the GNU note type
     */
    public boolean isGnu(long gnuType) {
        return name.equals("GNU") && type == gnuType;
    }

    /** {@return the build ID as lower-case hex, if this is a GNU build-ID note} */
    public Optional<String> buildId() {
        if (!isGnu(NT_GNU_BUILD_ID)) {
            return Optional.empty();
        }
        byte[] id = new byte[descriptorSize()];
        descriptor.get(0, id);
        return Optional.of(HexFormat.of().formatHex(id));
    }

    /**
     * {@return byte {@code i} of the descriptor, unsigned}
     *
     * @param i the byte's index in the descriptor
     */
    public int descriptorByte(int i) {
        return descriptor.get(i) & 0xff;
    }
}
