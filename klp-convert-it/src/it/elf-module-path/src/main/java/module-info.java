module consumer.elf {
    requires org.klpconvert.elf;
}
