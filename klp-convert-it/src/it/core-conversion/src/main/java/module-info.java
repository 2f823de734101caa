module consumer.core {
    requires org.klpconvert.convert;
}
