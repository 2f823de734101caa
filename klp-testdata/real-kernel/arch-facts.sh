# Per-architecture facts of the self-built real-kernel tests; sourced by
# build-kernel.sh and run-arch.sh.
#
# arch_facts <arch> sets:
#   KARCH CROSS CROSS_PKG  kbuild ARCH=, CROSS_COMPILE= and the compiler package
#   KIMAGE_TARGET KIMAGE   make target of the bootable image and its path in O=
#   QEMU QEMU_PKG QEMU_MACHINE  emulator, its package and its -M/-cpu arguments
#   CONSOLE                the guest console for the kernel command line
# and returns 1 for an unknown arch.
# shellcheck shell=bash disable=SC2034
arch_facts() {
    case $1 in
    ppc64le)
        KARCH=powerpc CROSS=powerpc64le-linux-gnu- CROSS_PKG=gcc-powerpc64le-linux-gnu
        KIMAGE_TARGET=vmlinux KIMAGE=vmlinux
        QEMU=qemu-system-ppc64 QEMU_PKG=qemu-system-ppc
        # x-vof: qemu's own small firmware instead of SLOF (4 s faster); the
        # cap-* options only silence TCG warnings.
        QEMU_MACHINE=(-M pseries,x-vof=on,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off -cpu POWER9)
        CONSOLE=hvc0 ;;
    s390x)
        KARCH=s390 CROSS=s390x-linux-gnu- CROSS_PKG=gcc-s390x-linux-gnu
        KIMAGE_TARGET=bzImage KIMAGE=arch/s390/boot/bzImage
        QEMU=qemu-system-s390x QEMU_PKG=qemu-system-misc
        QEMU_MACHINE=(-M s390-ccw-virtio)
        CONSOLE=ttysclp0 ;;
    ppc32)
        KARCH=powerpc CROSS=powerpc-linux-gnu- CROSS_PKG=gcc-powerpc-linux-gnu
        KIMAGE_TARGET=vmlinux KIMAGE=vmlinux
        QEMU=qemu-system-ppc QEMU_PKG=qemu-system-ppc
        QEMU_MACHINE=(-M mac99)
        CONSOLE=ttyPZ0 ;;
    *) return 1 ;;
    esac
}
